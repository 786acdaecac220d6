"""Writes cases.json: what CPython 3.14.2's compile() does with each source and flags (the
exception's fields, `_metadata`'s position, traceback's display with keyword typos, and the
warnings raised), for crates/pyc/tests/compile_facade.rs.

Run: oracle/python golden/compile-facade/make_cases.py > golden/compile-facade/cases.json
"""
import json
import traceback
import warnings

ONLY_AST = 0x400
INCOMPLETE = 0x4000 | 0x200 | ONLY_AST

CASES = [
    ("x = 1\n", 0),
    ("x = 1\n", ONLY_AST),
    ("s = '\\d'\n", 0),
    ("x = 1if 2 else 3\n", 0),
    ("def f():\n    try:\n        pass\n    finally:\n        return 1\n", 0),
    ("def f():\n    try:\n        pass\n    finally:\n        return 1\n", ONLY_AST),
    ("s = '\\d'\nx = = 1\n", 0),
    ("x = 1\nwhille x:\n    pass\n", 0),
    ("def f():\n    x = 1\n    iff x:\n        pass\n", 0),
    ("try:\n    pass\nexcept E:\n    pass\ntryTrue :\n    pass\n", 0),
    ("improt os\n", 0),
    ("a b c\n", 0),
    ("x = [1 2]\n", 0),
    ("if True:\n    x = (1,\n", 0),
    ("if x:\n", INCOMPLETE),
    ("if x:\n  pass", INCOMPLETE),
    ("x = (", INCOMPLETE),
    ("'''abc", INCOMPLETE),
    ("x = 1 +", INCOMPLETE),
    ("for x in y", INCOMPLETE),
    ("class A:\n  def f(self):", INCOMPLETE),
    ("try:\n  pass", INCOMPLETE),
    ("x = 'abc", INCOMPLETE),
    ("1 +\\", INCOMPLETE),
    ("nonlocal x\n", 0),
    ("nonlocal x\n", ONLY_AST),
    ("if x:\npass\n", 0),
    ("x = " + "-" * 100000 + "1\n", 0),
]


def run(source, flags):
    case = {"source": source, "flags": flags}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            compile(source, "<case>", "exec", flags, dont_inherit=True)
            case["outcome"] = "ok"
        except SyntaxError as e:
            case["outcome"] = "error"
            case["type"] = type(e).__name__
            case["msg"] = e.msg
            case["lineno"] = e.lineno
            case["offset"] = e.offset
            case["end_lineno"] = e.end_lineno
            case["end_offset"] = e.end_offset
            case["text"] = e.text
            meta = getattr(e, "_metadata", None)
            case["metadata"] = list(meta[:2]) if meta else None
            case["display"] = "".join(traceback.format_exception_only(e))
        except Exception as e:
            case["outcome"] = "error"
            case["type"] = type(e).__name__
            case["msg"] = str(e)
    case["warnings"] = [[w.category.__name__, str(w.message), w.lineno] for w in caught]
    return case


print(json.dumps([run(s, f) for s, f in CASES], indent=1))
