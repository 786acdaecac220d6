def f():
    x = (1,
         2)
    yeild x
