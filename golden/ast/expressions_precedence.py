x = a or b and not c == d < e is not f in g | h ^ i & j << k >> l + m - n * o / p // q % r @ s ** -t ** ~u
y = (a if b else c) if d else lambda x, *y, z=1, **w: x
z = await_ = a.b.c[d][e:f, ::g, h:](i)(*j, k=l, **m)
w = [*a, *b], {**c, 'd': e}, {f, *g}, (h,), ()
v = a < b <= c > d >= e != f == g
u = x if y else z if w else v
