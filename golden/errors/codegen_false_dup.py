match x:
    case {0: _, False: _}:
        pass
