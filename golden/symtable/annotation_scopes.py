module_level: int
assigned: str = "x"
if assigned:
    conditional: float


class Annotated:
    a: int
    b: list[a] = []
    if b:
        c: dict

    def method(self, p: int, *args: str, k: bytes = b"", **kw: float) -> None:
        local: int = 1
        other: undefined_in_function
        return local


def plain(x: "forward", y=1) -> "result":
    pass


lam = lambda q, *r, s=2, **t: q
