type X[T] = int
return
