def f():
    local: [y for y in undefined_iter] = 1
    other: (lambda q: q + outer_name) = None
    return local, other


class C:
    attr: [z for z in source]
    gen: (w for w in source)

    def m(self, p: [v for v in source]) -> {k: k for k in source}:
        pass


x: [a for a in b]
