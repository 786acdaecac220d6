"""A small program that sleeps synchronously."""
from __future__ import annotations
import asyncio
import time
import time as t
from time import sleep, sleep as snooze, perf_counter
import asyncio as aio

async def worker(delay: float) -> float:
    start = perf_counter()
    await asyncio.sleep(delay)
    await asyncio.sleep(delay / 2)
    await asyncio.sleep(0.1)
    await asyncio.sleep(delay=0.2)
    return perf_counter() - start

def not_sleeping(x):

    async def inner():
        await asyncio.sleep(x)
    return time.monotonic() + len([sleep for _ in range(3)])

class Job:

    async def run(self):
        return [await asyncio.sleep(i) for i in range(2)]

async def main():
    await aio.gather(aio.to_thread(worker, 1))
if __name__ == '__main__':
    await main()
    aio.run(main(), debug=True)
