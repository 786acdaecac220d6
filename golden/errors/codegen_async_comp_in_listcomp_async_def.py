async def f():
    return [x async for x in y]
async def g():
    yield 1
    return [x async for x in y]
