async def g():
    yield from x
