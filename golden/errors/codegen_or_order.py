match x:
    case (a, b) | (b, a):
        pass
    case [x, (x | y)]:
        pass
