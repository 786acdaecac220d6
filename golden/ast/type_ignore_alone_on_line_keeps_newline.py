import os
# type: ignore
x = 1  # type: ignore[attr]
def f():
    #type:ignore   
    pass
