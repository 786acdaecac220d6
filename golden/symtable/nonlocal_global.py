counter = 0


def increment():
    global counter
    counter += 1


def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc


def deep():
    p = q = r = s = t = u = v = w = 1
    def middle():
        def inner():
            return t, s, r, q, p, u, v, w
        return inner
    return middle


def shadows():
    x = 1
    def g():
        global x
        x = 2
    def h():
        return x
    return g, h


class K:
    global declared
    declared = 1
    def m(self):
        return declared
