class C[T: (a is 1)](b is 2, k=(c is 3)):
    d is 4
return
