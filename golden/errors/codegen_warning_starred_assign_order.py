x, *(y)[a is 1] = (b is 2)
return
