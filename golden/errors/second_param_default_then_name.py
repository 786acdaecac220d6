def f(a=1, b=x y): pass
