def f():
    return *a, *b
return
