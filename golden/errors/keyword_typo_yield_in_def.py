def f():
    x = yeild 1
