async def f(x: (await g())):
    pass
