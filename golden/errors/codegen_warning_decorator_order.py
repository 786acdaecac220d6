@(d is 1)
def f(a=(b is 2)):
    c is 3
return
