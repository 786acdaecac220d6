f = lambda a=(b is 1): (c is 2)
return
