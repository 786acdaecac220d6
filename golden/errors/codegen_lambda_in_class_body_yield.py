class C:
    x = [lambda: (yield) for y in z]
return
