# Expression statements whose start was first tried as an assignment target: the first pass
# grows `primary` from where `t_primary` stopped.
self.assertEqual(foo.bar(x), [1, 2])
f(a)(b).c(d)
f(x for x in y).z()
a[1:2][::3].b()
obj.attr[key].method(*args, **kwargs).other
(a).b(c)
[x, y][0].count(1)
{"k": 1}["k"].bit_length()
"text".join(parts).strip()
f"{x}".upper()
call(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, u, v, w, x, y, z, aa, bb, cc).attr.m()
x.y
x.y.z = w.v()
