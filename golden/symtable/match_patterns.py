def handle(command):
    match command:
        case ["go", direction]:
            return direction
        case ["pick", *items]:
            return items
        case {"action": action, **rest}:
            return action, rest
        case Point(x=0, y=py) as point:
            return point, py
        case [1, 2] | [3, 4] as either:
            return either
        case str() | bytes():
            pass
        case _:
            return None
