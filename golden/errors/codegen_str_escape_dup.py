match x:
    case {'\n': _, '\n': _}:
        pass
