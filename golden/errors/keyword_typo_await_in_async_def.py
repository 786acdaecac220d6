async def f():
    x = awiat y
