async def f():
    g = lambda: (yield from x)
return
