def f():
    pass
x = (a for a in (yield))
