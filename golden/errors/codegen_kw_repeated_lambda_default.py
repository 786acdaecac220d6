f = lambda a=g(x=1, x=2): a
