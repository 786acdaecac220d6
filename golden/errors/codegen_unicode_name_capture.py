match x:
    case é:
        pass
    case 1:
        pass
