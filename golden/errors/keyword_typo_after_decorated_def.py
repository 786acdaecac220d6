@dec
def f():
    pass
clas A:
    pass
