a = f'{x}'
b = f'a{x}b{y}c'
c = f'{ x }'
d = f'{x!r} {x!s} {x!a}'
e = f'{x:>10} {x:{width}} {x:>{width}.{precision}}'
f = f'{x!r:^20} {x:}'
g = f'{x:a{y}b{z}c}'
h = f'{{}} a{{b}}c {{{x}}}'
i = f'\n{x}\t' f"\N{DIGIT ONE}{x}"
j = f'{x:\n}' rf'{x:\n}'
k = f'{f"{x}"}' f'{f"{f"{y}"}"}'
l = f'{a.b[c](d)}' f'{(lambda: 1)}' f'{x if y else z}'
m = f'é{x}ü{y:é}'
n = f'{"a" "b"}' f'{b"x"}' f'{u"k"}'
o = f'''{x}
{y}
z'''
p = f'{x}' f'{y}' f'' ''
