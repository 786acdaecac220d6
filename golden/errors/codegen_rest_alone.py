match x:
    case {**rest}:
        pass
    case {1: _, **rest}:
        pass
return
