"""Writes cases.json: what CPython 3.14.2's compile() raises and warns in its code generator for
what the golden `errors` cases (py_compile: a file, 'exec', no flags, optimization 0) cannot
express: the 'eval' and 'single' modes, PyCF_ALLOW_TOP_LEVEL_AWAIT, the future import as a
flag, optimization levels, and valid programs whose only output is a warning.
For crates/pyc/tests/codegen_checks.rs.

Run: oracle/python golden/codegen-checks/make_cases.py > golden/codegen-checks/cases.json
"""
import json
import warnings

TOP_LEVEL_AWAIT = 0x2000
FUTURE_ANNOTATIONS = 0x1000000

CASES = [
    # (source, mode, flags, optimize)
    ("x is 1\n", "exec", 0, 0),
    ("assert (x is 1, 2)\n", "exec", 0, 0),
    ("assert (x is 1, 2)\n", "exec", 0, 1),
    ("assert x, (y is 1)\n", "exec", 0, 2),
    ("await x\nx is 1\n", "exec", TOP_LEVEL_AWAIT, 0),
    ("await x\nx is 1\n", "exec", 0, 0),
    ("[x async for x in y]\nbreak\n", "exec", TOP_LEVEL_AWAIT, 0),
    ("async with a:\n    return\n", "exec", TOP_LEVEL_AWAIT, 0),
    ("async for a in b:\n    yield from c\n", "exec", TOP_LEVEL_AWAIT, 0),
    ("(yield)", "eval", 0, 0),
    ("x is 1", "eval", 0, 0),
    ("f(a=1, a=2)", "eval", 0, 0),
    ("[*a for a in b]", "eval", 0, 0),
    ("x is 1\n", "single", 0, 0),
    ("if x:\n    break\n", "single", 0, 0),
    ("'a'[1.5]\n", "single", 0, 0),
    ("x: (y is 1)\n", "exec", FUTURE_ANNOTATIONS, 0),
    ("x: (y is 1)\n", "exec", 0, 0),
    ("def f(a: (b is 1)): pass\n", "exec", FUTURE_ANNOTATIONS, 0),
    ("def f():\n    x: (y is 1) = 2\n", "exec", 0, 0),
    ("class C:\n    x: (y is 1)\n", "exec", 0, 0),
    ("try:\n    pass\nfinally:\n    x is 1\n", "exec", 0, 0),
    ("all(x is 1 for x in y)\n", "exec", 0, 0),
    ("x = [1, 2][()]\n", "exec", 0, 0),
    # Deeper than the code generator's C stack (see measure_c_stack.py).
    ("x = a" + "+a" * 30000 + "\nreturn\n", "exec", 0, 0),
    ("f(x is 1)\n" + "a" + "()" * 12000 + "\n", "exec", 0, 0),
]


def run(source, mode, flags, optimize):
    case = {"source": source, "mode": mode, "flags": flags, "optimize": optimize}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            compile(source, "<case>", mode, flags, dont_inherit=True, optimize=optimize)
            case["outcome"] = "ok"
        except SyntaxError as e:
            case["outcome"] = "error"
            case["type"] = type(e).__name__
            case["msg"] = e.msg
            case["position"] = [e.lineno, e.offset, e.end_lineno, e.end_offset]
        except RecursionError as e:
            case["outcome"] = "error"
            case["type"] = type(e).__name__
            case["msg"] = str(e)
    case["warnings"] = [[w.category.__name__, str(w.message), w.lineno] for w in caught]
    return case


print(json.dumps([run(*c) for c in CASES], indent=1))
