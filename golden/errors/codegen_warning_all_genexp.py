all(x is 1 for x in y)
any(x is 2 for x in y)
tuple(x is 3 for x in y)
list(x is 4 for x in y)
return
