def f():
    return '\d'
x = (1 2)
