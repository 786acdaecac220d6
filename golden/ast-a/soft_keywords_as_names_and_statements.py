# Soft keywords where they are plain names, then where they are keywords.
match = 1
type = 2
case = 3
_ = 4
match(x)
type(x)
case.x = 5
match[x] = _
match.y
match * x
match - x
match (x)
match: int = 1
type: str
case: list[int] = []
_: float
match, type = case, _
match += type
del match, case
print(match, type, case, _)
f(match=1, type=2, case=3, _=4)
[_ for _ in case if match]
{type: match for case in _}
lambda match, _: match + _
x = match if type else case
@match
def type(match, case=_, *type_, **_kw) -> type:
    global _
    return match
class case(match, type=type):
    match = type
for match in type:
    pass
with case as match, type() as _:
    pass
import match
from type import case as _, match as type
# Real soft-keyword statements.
match match:
    case case:
        pass
match type, _:
    case [_, *_] if match:
        pass
    case {"type": type, **rest}:
        pass
    case match.case(_=_, type=case):
        pass
    case _:
        pass
match -x:
    case -1 | 1j | _x:
        pass
match *match, case:
    case (match, case) as _y:
        pass
type X = int
type Y[T: (int, str), *Ts, **P] = tuple[T, *Ts]
type type = type
type match[case] = case
