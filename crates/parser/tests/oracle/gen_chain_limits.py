"""Regenerates crates/parser/tests/data/chain_limits.json: for inputs made of a head, a unit repeated
k times and a tail (operator chains at every level, in every statement and bracket, and targets
with calls and generator expressions), the smallest k at which CPython's parser overflows its
stack (MemoryError), found by bisection. Run from the repository root:
oracle/python crates/parser/tests/oracle/gen_chain_limits.py > crates/parser/tests/data/chain_limits.json"""
import json, sys

SHAPES = [
    ('', '-', 'a.b(c)[d] ** e * f + g << h & i ^ j | k < l not in m and n or o'),
    ('', 'not ', 'a < b is not c'),
    ('', '-~+', 'x ** y'),
    ('x = ', '-', '1 if y else z'),
    ('', '-', '(a + b) * c'),
    ('f(', '-', 'x, y)'),
    ('', 'lambda: ', 'a + b * c'),
    ('def f():\n    return ', 'not ', 'a and b or c'),
    ('x = *', '-', 'a, b'),
    ('y = q[', '-', 'i]'),
    ('x = [', '-', 'x]'),
    ('x = {', '-', 'x: 1}'),
    ('x = {1: ', '-', 'x}'),
    ('for i in ', '-', 'x: pass'),
    ('if ', '-', 'x: pass'),
    ('while ', '-', 'x: pass'),
    ('assert ', '-', 'x, y'),
    ('del x[', '-', 'i]'),
    ('x = a.b[', '-', 'i].c'),
    ('x: int = ', '-', 'y'),
    ('print(f"{', '-', 'x}")'),
    ('lambda: ', '-', 'x'),
    ('x = y if ', '-', 'z else w'),
    ('x = [a for a in ', '-', 'b]'),
    ('x = (', '-', 'a for a in b)'),
    ('f(', '-', 'a for a in b)'),
    ('f(x=', '-', 'y)'),
    ('f(*', '-', 'y)'),
    ('with ', '-', 'x as y: pass'),
    ('x[', '-', 'a:b]'),
    ('x = yield ', '-', 'y'),
    ('match ', '-', 'x:\n case 1: pass'),
    ('@', '-', 'x\ndef f(): pass'),
    ('x += ', '-', 'y'),
    ('x.y = ', '-', 'z'),
    ('x, y = ', '-', 'z, w'),
    ('*a, b = ', '-', 'c'),
    ('type T = ', '-', 'int'),
    ('def f(a=', '-', 'x): pass'),
    ('def f(a: ', '-', 'x): pass'),
    ('def f() -> ', '-', 'x: pass'),
    ('class C(', '-', 'x): pass'),
    ('raise ', '-', 'x from y'),
    ('x = ', 'not ', 'y'),
    ('f(', 'not ', 'y)'),
    ('x = [', 'not ', 'y]'),
    ('q[', 'not ', 'y]'),
    ('x = f(', '-', 'a)(b)'),
    ('x = f(', '-', 'a).b'),
    ('f(g(', '-', 'a))'),
    ('f(a)[', '-', 'b]'),
    ('x = (', '-', 'a, b)'),
    ('x = (', '-', 'a)'),
    ('x = [', '-', 'a, b]'),
    ('x = {', '-', 'a}'),
    ('f(a, ', '-', 'b)'),
    ('x = y[', '-', 'a, b]'),
    ('f(', '-', 'a, *b)'),
    ('f(', '-', 'a, b=c)'),
    ('f(**', '-', 'a)'),
    ('x = f"{', '-', 'a!r}"'),
    ('x = ', '-', 'a if b else c'),
    ('x = ', '-', 'a or b'),
    ('x = ', '-', 'a < b'),
    ('x = ', '~', 'a ** b'),
    ('print(', '-', 'x)'),
    ('(', '-', 'a).b = c'),
    ('x = (', '-', 'a) + b'),
    ('x = (', '-', 'a)(b)'),
    ('', '-', '[a for f(b for b in c).d in e]'),
    ('', '-', '[a for x[(y for y in z)] in e]'),
    ('', '-', '[a for f(b).d in e]'),
    ('', '-', '{a for x[b] in e}'),
    ('', 'not ', '[a for f(b).c in d]'),
    ('f(', '-', 'a for a in b).c = d'),
    ('f(g(', '-', 'a for a in b)).c = d'),
    ('x[', '-', 'a](b)'),
    ('', '-', 'f(a for a in b)(c)'),
    ('for f(', '-', 'a for a in b).c in d: pass'),
    ('with a as f(', '-', 'b).c: pass'),
    ('', '-', '[a for (b) in c]'),
    ('', '-', '[a for [b, f(c)[d]] in e]'),
]

def overflows(src):
    try:
        compile(src, "<s>", "exec", 0x400)  # PyCF_ONLY_AST: the parser alone
        return False
    except MemoryError:
        return True

cases = []
for head, unit, tail in SHAPES:
    lo, hi = 1000, 7000
    assert overflows(head + unit * hi + tail), (head, unit, tail)
    while lo < hi:
        mid = (lo + hi) // 2
        if overflows(head + unit * mid + tail):
            hi = mid
        else:
            lo = mid + 1
    cases.append({"head": head, "unit": unit, "tail": tail, "first_overflow": lo})
json.dump(cases, sys.stdout, indent=1)
print()
