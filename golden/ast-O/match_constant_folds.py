match point:
    case -1:
        pass
    case 1 + 2j | -1 - 2j:
        pass
    case {-1: a, 2 - 3j: b, 'k': c}:
        pass
    case [-1.5, (-2), C(-3)]:
        pass
