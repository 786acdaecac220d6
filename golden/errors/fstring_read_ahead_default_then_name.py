def f(a=f"{b}" c): pass
