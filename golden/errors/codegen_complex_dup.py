match x:
    case {1+2j: _, 1.0+2j: _}:
        pass
