match x:
    case {x.y: a, x.y: b}:
        pass
return
