match x:
    case {1: _, 1.5: _, 1.5: _}:
        pass
