match x:
    case C(1, a.b(c)):
        pass
