a = t'{x}'
b = t'a{x}b'
c = t'{ x }'
d = t'{x!r} {x!s} {x!a}'
e = t'{x:>10} {x:{y}} {x:{y!r:{z}}}'
f = t'{x=}' t'{ x = }' t'{ x = !r}' t'{ x = :>5}'
g = t'{x=!r:>{y}}'
h = t'{x:}' t'{x	}'
i = t'''{x # comment
}'''
j = t'''{x # comment
= }'''
k = t'''{x
+
y=}'''
l = t'' t''
m = t'{a[1:2]}' t'{a[1:2]:>10}'
n = t'{(lambda x: x)}' t'{ {1: 2}[1] }'
o = rt'\d{x}' t'\n{x:\n}'
p = t'{"a#b"=}'
