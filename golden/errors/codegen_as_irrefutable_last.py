match x:
    case (1 | 2) as a:
        pass
    case _ as b:
        pass
    case 3:
        pass
