"""A small module to try pyc on: `pyc tokenize|ast|unparse|symtable examples/hello.py`."""

import asyncio
from dataclasses import dataclass


@dataclass
class Greeter[T]:
    name: T

    def greet(self, punctuation: str = "!") -> str:
        return f"Hello, {self.name!s:>{len(punctuation) + 5}}{punctuation}"


async def main(names: list[str]) -> None:
    for greeting in [Greeter(n).greet() for n in names if n]:
        await asyncio.sleep(0)
        print(greeting)


if __name__ == "__main__":
    asyncio.run(main(["world", "pyc"]))
