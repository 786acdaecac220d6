def f():
    try:
        pass
    except* E:
        try:
            return
        finally:
            pass
