def f[T: [(y := 1) for x in range(3)]]():
    pass
