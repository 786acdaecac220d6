def f(code):
    return * eval(code)
