def f():
    return "\d"
def g(:
