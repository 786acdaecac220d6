match x:
    case {'a': _, b'a': _}:
        pass
return
