f(a is 1, *(b is 2), c=(d is 3), **(e is 4))
return
