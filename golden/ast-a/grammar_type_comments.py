def f(a,  # type: int
      b,  # type: str
      ):
    # type: (...) -> None
    pass

def g(x):  # type: (int) -> int
    return x

x = []  # type: list[int]
for i in x:  # type: int
    pass
with open(f) as fh:  # type: IO
    pass
import os  # type: ignore[attr]
