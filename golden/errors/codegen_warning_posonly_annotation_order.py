def f(a: (x is 1),
      /,
      b: (y is 2),
      *c: (z is 3),
      d: (w is 4),
      **e: (v is 5)) -> (u is 6):
    pass
return
