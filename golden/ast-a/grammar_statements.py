import a.b.c as d, e
from ... import f
from .g import (h, i as j,)
from k import *
del a, b[0], c.d, (e, f), [g]
a = b = c = 1
a += 1; b @= 2; c //= 3; d **= 4
(x, *y), [z] = 1, 2
x: int
(y): int = 2
assert x, "message"
raise Exception from None
for i, j in enumerate(x):
    continue
else:
    pass
while True:
    break
else:
    pass
if a:
    pass
elif b:
    pass
elif c:
    pass
else:
    pass
try:
    pass
except (A, B) as e:
    pass
except C, D:
    pass
except:
    pass
else:
    pass
finally:
    pass
try:
    pass
except* E:
    pass
with (open(a) as b, open(c) as d,):
    pass
with (a, b):
    pass
