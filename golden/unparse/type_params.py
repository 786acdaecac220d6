type Alias[T] = list[T]


def first[T: (int, str), *Ts, **P](x: T, *args: *Ts) -> T:
    return x


class Box[T = int]:
    pass
