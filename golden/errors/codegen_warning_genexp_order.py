(x is 1
 for x in (y is 2))
return
