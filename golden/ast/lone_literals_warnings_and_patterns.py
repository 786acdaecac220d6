x = "\d"
f("\w", 1)
y = ["\q", 2]
z = {1: "\p"}
match x:
    case 1 | "a":
        pass
    case {"k": 2, 3: "v"}:
        pass
    case -1 | 1+2j:
        pass
