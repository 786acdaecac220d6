a = (1 + 2) * 3 - (4 - 5)
b = -2 ** -3 ** 2
c = not (a and b) or (c if d else e)
d = (yield) if False else None
e = lambda x, *y, z=1, **w: (x, y)
f = [i for i in range(10) if i % 2 if (j := i)]
g = (a, *b), {**c}, {*d}
h = x[1:2, ::3, ...]
i = (await_ := 1).real
j = 1 .real + 1.5.imag
