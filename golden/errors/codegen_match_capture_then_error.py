match x:
    case [a, b]:
        yield
