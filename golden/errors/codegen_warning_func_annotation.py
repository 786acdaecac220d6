def f(a: (b is 1) = (c is 2)) -> (d is 3):
    e is 4
return
