def f(:
    pass
x = "abc
