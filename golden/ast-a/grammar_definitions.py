@decorator
@module.decorator(arg)
def f(a, b: int = 1, /, c=2, *args: str, d, e=3, **kwargs) -> None:
    """Docstring."""
    global g
    nonlocal_ = 1
    return a

async def g[T: int, *Ts, **P = [int]](x: T) -> T:
    async with a as b, c:
        await x
    async for i in x:
        yield i
    return

class C[T](Base, metaclass=Meta, **kw):
    x: int = 1
    y: list[int]

    def method(self, /): ...

lam = lambda: 0
lam2 = lambda a, /, b=1, *, c, **d: a
type Alias[K] = dict[K, int]
