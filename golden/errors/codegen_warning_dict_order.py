{(a is 1): (b is 2), **(c is 3), (d is 4): (e is 5)}
return
