match x:
    case {f'a': a}:
        pass
