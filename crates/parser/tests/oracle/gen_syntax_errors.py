"""Regenerates crates/parser/tests/data/syntax_errors.txt from the oracle.

Run from the repository root: oracle/python crates/parser/tests/oracle/gen_syntax_errors.py
Input: crates/parser/tests/data/syntax_errors.in (cases separated by lines holding `=====`).
Output: for each case, its source as a JSON string on one line, then what `compile(src, "<s>",
"exec", PyCF_ONLY_AST)` raised: `type|msg|lineno|offset|end_lineno|end_offset`, or `OK`.
"""
import ast
import json

SRC = "crates/parser/tests/data/syntax_errors.in"
OUT = "crates/parser/tests/data/syntax_errors.txt"

cases = [c for c in open(SRC, encoding="utf-8").read().split("\n=====\n") if c.strip()]
lines = []
for case in cases:
    case = case.rstrip("\n") if not case.endswith("\n\n") else case
    lines.append(json.dumps(case))
    try:
        compile(case, "<s>", "exec", ast.PyCF_ONLY_AST)
        lines.append("OK")
    except SyntaxError as e:
        lines.append("|".join(str(x) for x in (type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)))
open(OUT, "w", encoding="utf-8").write("\n".join(lines) + "\n")
