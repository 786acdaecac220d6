# Lone names where the parser's first pass takes them straight from their leaf rule
# (atom, star_atom, del_t_atom): targets, operands, arguments, subjects, annotations.
x = y
a = b = c
a, b = c, d
x: int = y
x += y
for i in seq: pass
async def f():
    async for i in seq: pass
    async with ctx as c: pass
    await x
with ctx as c, other as (d): pass
del x
del x, y
del (x)
f(x, y, *z, k=v, **kw)
x[i] = y[j]
x = [a, b, c]
x = {a: b, c: d}
x = {a, b}
x = (a, b)
x = (a)
x = a if b else c
x = lambda a: a
x = (y := z)
if x: pass
while x: pass
assert x, y
return_ = x
match x:
    case y:
        pass
match x, y:
    case _:
        pass
print(x, end=y)
x = not y
x = y and z or w
x = a < b
type_ = match_ = case_ = _
