class C[T]((yield)):
    pass
