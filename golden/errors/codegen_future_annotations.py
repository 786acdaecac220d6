from __future__ import annotations
x: (y is 1)
def f(a: (b is 2)): pass
return
