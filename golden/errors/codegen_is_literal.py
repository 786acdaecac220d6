x is 1
x is not ()
x is (1, 2)
x is (1, y)
x is None
x is ...
1 is x is 2
return
