match x:
    case [a, *_]:
        type X = int
