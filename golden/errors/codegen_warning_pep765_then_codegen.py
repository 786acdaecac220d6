def f():
    try:
        pass
    finally:
        return (x is 1)
return
