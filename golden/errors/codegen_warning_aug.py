x[y is 1] += (z is 2)
return
