with (x is 1) as y:
    z is 2
return
