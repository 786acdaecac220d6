def f[T: (x is 1)](): pass
return
