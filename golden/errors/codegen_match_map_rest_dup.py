match x:
    case {'b': a, **a}:
        pass
