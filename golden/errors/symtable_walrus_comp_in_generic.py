class C[T](Base[[(y := 1) for x in range(3)]]):
    pass
