match x:
    case {-1e400: _, -1e401: _}:
        pass
