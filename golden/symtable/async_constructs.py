async def reader(stream):
    async with stream as s:
        async for line in s:
            yield line
    data = [x async for x in stream]
    return [await x for x in data]


async def gather(items):
    return {k: await v for k, v in items}


def sync_with_async_genexp(items):
    return (x async for x in items)
