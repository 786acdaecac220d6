def func[T, *Ts, **P](a: T, *args: *Ts, **kwargs: P.kwargs) -> T:
    return a


def with_defaults[T = int, *Ts = tuple[int], **P = [int]](x=1, *, k=2):
    pass


def bounded[T: int, S: (str, bytes)](x: T, y: S) -> None:
    pass


class Generic[T, U: list[T]](Base[T], metaclass=Meta):
    attr: T

    def method[V](self, v: V) -> T | V:
        return v

    type Alias[W] = dict[W, T]


type Simple = int
type Pair[K, V] = tuple[K, V]
type Recursive[T] = list[Recursive[T]] | T


def outer():
    x = 1
    def generic[T](y: T) -> T:
        return x
    type Local[T] = list[T]
    return generic
