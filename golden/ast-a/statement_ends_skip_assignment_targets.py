# Expression statements and assignments side by side: the first pass skips the assignment
# alternatives of a statement already read to its end without `=` or an augmented assignment.
self.assertEqual(foo.bar(x), [1, 2])
f(x=1).y
x == 1; y = 2
a.b[c] += 1
(a, b) = c = d
[a, *b] = f(k=v)
x; y; z += 3
lambda: 0
obj.method(lambda q=1: q)[0]
print(f"{x=}", {"k": (1, 2)})
call(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, u, v, w, x, y, z, aa, bb, cc)
call(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, u, v, w, x, y, z, aa, bb, cc).attr = 1
x[1:2, ::3].y
