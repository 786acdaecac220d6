def f():
    nonlocal x; whille x: pass
