(f(x=1, x=2) for y in z)
