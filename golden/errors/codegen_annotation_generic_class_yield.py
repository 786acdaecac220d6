class C[T]:
    return
