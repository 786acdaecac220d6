async def f():
    [(yield from x) for y in z]
