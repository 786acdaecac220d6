match x:
    case _ if y:
        pass
    case 1:
        pass
return
