def f():
    for x in y:
        try:
            pass
        finally:
            break
global x
x = 1
def g():
    x = 1
    global x
