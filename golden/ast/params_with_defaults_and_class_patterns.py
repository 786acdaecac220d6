def f(a=1, /, b=2, *, c=3, d=4, **e): pass
def g(a: int = 1, b: "s" = x.y, c=(yield), d=lambda q=1, r=2: q): pass
f = lambda a=1, /, b=2, *c, d=3: 0
match x:
    case C(1, a=2, b=[3]):
        pass
    case a.B(c=4):
        pass
