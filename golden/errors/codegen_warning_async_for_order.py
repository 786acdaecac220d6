async def f():
    async for x in (y is 1):
        z is 2
    else:
        w is 3
return
