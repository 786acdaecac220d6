"""Regenerates crates/parser/tests/data/modes.json: ast.parse in each mode (type comments on), as
ast.dump(..., include_attributes=True) prints it, or the SyntaxError. Run from the repository root:
oracle/python crates/parser/tests/oracle/gen_modes.py"""
import ast, json
cases = [
 ("eval", "1 + 2"), ("eval", "x if y else z\n\n"), ("eval", "(yield)"), ("eval", "a, *b"), ("eval", "lambda: 1"),
 ("single", "x = 1\n"), ("single", "if x:\n  pass\n\n"), ("single", "1; 2\n"), ("single", "@d\ndef f(): pass\n\n"), ("single", "pass"),
 ("single", "x = 1\ny = 2\n"), ("single", "if x:\n    pass\ny = 1\n"), ("single", "x = 1 # c\n  # d\n\n"),
 ("func_type", "(int, str) -> None"), ("func_type", "() -> int"), ("func_type", "(*int, **str) -> x"), ("func_type", "(a, *b, **c) -> d"),
 ("exec", "def f(a, # type: int\n      b):\n    # type: (...) -> None\n    pass\n"), ("exec", "for x in y: # type: int\n  pass\n"),
 ("exec", "with a as b: # type: int\n  pass\n"), ("exec", "x = [] # type: List[int]\n"),
]
out = []
for mode, src in cases:
    try:
        t = ast.parse(src, mode=mode, type_comments=True)
        res = ast.dump(t, include_attributes=True)
    except SyntaxError as e:
        res = "ERR %s %s %s %s" % (e.msg, e.lineno, e.offset, e.end_offset)
    out.append({"mode": mode, "src": src, "out": res})
open("crates/parser/tests/data/modes.json", "w").write(json.dumps(out, indent=1) + "\n")
