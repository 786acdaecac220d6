try:
    pass
finally:
    def f():
        x is 1
    try:
        y is 2
    finally:
        z is 3
return
