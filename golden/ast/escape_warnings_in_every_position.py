# Each literal has an invalid escape: CPython warns once per literal, in source order, whichever
# alternatives the parser tries on it (targets first, slices, keyword arguments, parameters).
'\d'.x = 1
x['\e'] = 2
f('\f2', k='\g', **{'\h': 3})
y = '\i' if z else '\j'
a['\k':] = b['\l']
c = {'\m': '\n2'}, {'\o'}
def g(p='\p', /, q='\q', *, r: '\r2' = '\s'): pass
h = lambda t='\t2': t
u: '\u0041\v2' = '\w'
v = [w for w in '\x41\y']
(v2 for v2 in '\z')
match m:
    case '\A': pass
    case {'\B': _}: pass
print('\C' '\D', f'\E{1}')
