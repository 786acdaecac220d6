# Replacement fields whose expressions hold attributes, calls, subscripts, numbers and strings,
# then a conversion or a format spec; fields at line ends in triple-quoted f-strings.
a = f"{self.name!r:>{width}} {d['key'][0]} {f(1, 'x').y:.{p}f} {x[1:2]}"
b = rF'{a.b}{c(d)[e]}' + Tr"{n:,}" + f'{0x1F}{1.5}'
c = f"""one {x}
two {y:{w}}
{z
} end""" + f"""a""b""" + f"""{{}}{q}"""
d = bR'\d' + Rb"\x" + U'u' + br'''
raw'''
