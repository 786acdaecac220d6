def f():  # type: () -> int
    # type: () -> str
    pass
x = = 1
