type A[T = (a is 1), *Ts = *(b is 2)] = (c is 3)
return
