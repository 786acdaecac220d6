def f[T: ((yield), int)]():
    pass
