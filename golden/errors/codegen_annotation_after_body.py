x: (y is 1)
return
