async def f[](): pass
