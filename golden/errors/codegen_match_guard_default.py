match x:
    case 1:
        y is 1
    case _ if (z is 2):
        w is 3
return
