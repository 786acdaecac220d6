async def f():
    asyn with x: pass
