match x:
    case C(a=1 2):
        pass
