if __debug__:
    print("debug")
x = __debug__
assert __debug__, "message"
def f(a=__debug__) -> __debug__:
    return not __debug__
