match command.split():
    case [action]:
        pass
    case [action, obj, *rest]:
        pass
    case Point(x=0, y=0) | Point(1, 2):
        pass
    case {"key": value, **rest} if value > 0:
        pass
    case {}:
        pass
    case (1 | -2 | 3.0 | 4j | -5 + 6j | "s" "t" | b"b") as z:
        pass
    case None | True | False:
        pass
    case a.b.c:
        pass
    case [*_]:
        pass
    case _:
        pass
match = case = type = _ = 1
match(x)
