def f():
    for x in y:
        try:
            continue
        finally:
            x is 1
    return
return
