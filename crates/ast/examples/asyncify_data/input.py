"""A small program that sleeps synchronously."""
from __future__ import annotations

import time
import time as t
from time import sleep, sleep as snooze, perf_counter
import asyncio as aio


def worker(delay: float) -> float:
    start = perf_counter()
    time.sleep(delay)
    t.sleep(delay / 2)
    sleep(0.1)
    snooze(delay=0.2)
    return perf_counter() - start


def not_sleeping(x):
    def inner():
        time.sleep(x)
    return time.monotonic() + len([sleep for _ in range(3)])


class Job:
    def run(self):
        return [time.sleep(i) for i in range(2)]


async def main():
    await aio.gather(aio.to_thread(worker, 1))


if __name__ == "__main__":
    aio.run(main())
    aio.run(main(), debug=True)
