asyn def f():
    pass
