match x:
    case {0j: _, 0: _}:
        pass
