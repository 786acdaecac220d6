match x:
    case -1 | 1+2j | -1-2j | "a" "b" | x.y.z:
        pass
return
