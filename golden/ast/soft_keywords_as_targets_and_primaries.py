# Soft keywords spelled as names where a target or a primary starts (the first pass's check
# after a leading NAME is made at plain names only).
match = 1
match.x = 2
match[0] = 3
match(x)
case = type
type.y = _
_ = [match, case, type]
type(x).z = 4
match, case = case, match
match *a, b:
    case [x] if x:
        pass
    case _:
        type = match
type X = int
print(match.x, case[1], type[2](3))
