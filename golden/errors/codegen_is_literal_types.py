x is 'a'
x is b'a'
x is 1.5
x is 1j
x is -1
x is True
x is []
x is ()
return
