type T = (x is 1)
return
