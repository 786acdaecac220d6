x.y: (z is 1)
(a is 2).b: int
return
