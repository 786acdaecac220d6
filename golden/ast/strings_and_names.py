s = 'a' "b" '''c''' r'\d' u'e'
f = f"{x!r:>{width}} {y=} {'nested'} {z:%Y-%m-%d}"
t = t"{name} {value:.2f}"
b = b'bytes' rb'\x00'
ñame = "non-ASCII identifiers are NFKC-normalized"
ﬁle = 1
