a = [x for x in y if x if not x for z in x]
b = {k: v for k, v in items}
c = {x async for x in y}
d = (x for x in y)
e = f(x for x in y)
g = [(yield) for _ in ()]
h = [y := f(x), y ** 2]
