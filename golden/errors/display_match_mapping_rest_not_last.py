match x:
    case 1:
        pass
    case {**r, "a": 1}:
        pass
