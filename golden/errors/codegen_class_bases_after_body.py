class C(x is 1):
    y is 2
return
