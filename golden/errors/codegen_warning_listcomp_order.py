[(a is 1)
 for a in (b is 2)
 if (c is 3)]
return
