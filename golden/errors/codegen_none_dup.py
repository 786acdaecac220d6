match x:
    case {None: _, None: _}:
        pass
