assert (x, y)
assert ()
assert (1, 2)
assert (x, y), "m"
return
