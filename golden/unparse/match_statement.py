match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case Point(x=0, y=0) | Point(x=1) as p if p:
        pass
    case {"key": value, **rest}:
        pass
    case [1, 2, *others] | (3 | 4):
        pass
    case -1 | 1 + 2j | -3.5 - 4j | None:
        pass
    case _:
        pass
