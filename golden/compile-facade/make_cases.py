"""Writes cases.json: what CPython 3.14.2's compile() does with each source and flags, and
`_feature_version` where a case gives one (the
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
    # `_feature_version` (ast.parse's feature_version): only with PyCF_ONLY_AST; the parse's
    # own errors come before the version's, and the later stages run as without it.
    ("match x:\n    case 1: pass\n", ONLY_AST, 8),
    ("match x:\n    case 1: pass\n", 0, 8),
    ("match [1, 2]\n    case _: ...\n", ONLY_AST, 8),
    ("from __future__ import invalid_feature\n", ONLY_AST, 8),
    ("def f():\n    nonlocal x\n", ONLY_AST, 8),
    ("x = t'{a}'\n", ONLY_AST, 13),
    ("x = (y := 1)\n", ONLY_AST, 7),
    ("def f(a, /): pass\n", ONLY_AST, 7),
    ("type X = int\n", ONLY_AST, 11),
]


def run(source, flags, feature_version=-1):
    case = {"source": source, "flags": flags, "feature_version": feature_version}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            compile(source, "<case>", "exec", flags, dont_inherit=True,
                    _feature_version=feature_version)
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


print(json.dumps([run(*case) for case in CASES], indent=1))
