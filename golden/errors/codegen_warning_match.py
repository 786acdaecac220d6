match (x is 1):
    case 1 if (y is 2):
        z is 3
return
