import os.path as p, sys
from .. import x
from .mod import (a as b, c)
global g
try:
    pass
except* (ValueError, TypeError) as e:
    raise RuntimeError("x") from e
finally:
    del a, b[0]
with open(f) as fh, ctx() as (a, b):
    assert fh, "message"
async def main():
    async with lock:
        await thing()
    async for i in aiter():
        yield i
    return [j async for j in x]
for x in y:
    continue
else:
    pass
while True:
    break
if a:
    pass
elif b:
    x: int = 5
else:
    y += 1
