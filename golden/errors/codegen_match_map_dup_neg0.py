match x:
    case {-0: a, 0: b}:
        pass
