match x:
    case [*_]:
        pass
    case [_, _, *_]:
        pass
return
