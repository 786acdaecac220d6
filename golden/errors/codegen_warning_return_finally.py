def f():
    try:
        return
    finally:
        x is 1
return
