def f(items, limit):
    squares = [x * x for x in items if x < limit]
    pairs = {k: v for k, v in zip(items, squares)}
    nested = [[y for y in range(x)] for x in items]
    closures = [lambda: x for x in items]
    gen = (x for x in items)
    return squares, pairs, nested, closures, gen


def cell_in_comp():
    return [lambda: y for y in range(3)]


def shadow(x):
    result = [x for x in range(x)]
    return result, x


class C:
    values = [1, 2]
    doubled = [v * 2 for v in values]
    from_class = [values for _ in range(2)]
    gen_in_class = list(v for v in values)


def outer_free():
    a = 1
    def inner():
        return [a + b for b in range(a)]
    return inner


def only_in_comp(p, q):
    return [x for x in q if p]
