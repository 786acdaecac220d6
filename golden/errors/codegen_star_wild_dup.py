match x:
    case [*_, a, a]:
        pass
