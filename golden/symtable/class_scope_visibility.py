def outer():
    x = "outer"
    class Inner:
        x = "class"
        def method(self):
            return x
        y = x
        z = [x for _ in range(1)]
        w = lambda: x
    return Inner


class Top:
    name = 1
    def f(self):
        return name
    names = [name for _ in range(2)]
