match x:
    case (a as b) | (b as a):
        pass
