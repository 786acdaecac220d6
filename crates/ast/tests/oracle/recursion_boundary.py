"""Checks that `pyc unparse` gives up with RecursionError exactly where the oracle's
`print(ast.unparse(ast.parse(...)))` does, on deep operator chains in many contexts.

usage (from the repository root; runs the oracle twice per shape):
    python3 crates/ast/tests/oracle/recursion_boundary.py target-unparse/debug/pyc
"""
import os
import subprocess
import sys
import tempfile
chain = lambda n: "+".join(["a"] * (n + 1))
SHAPES = {
 "module_binop": lambda n: "x = " + chain(n),
 "expr_stmt": lambda n: chain(n),
 "def_return": lambda n: "def f():\n    return " + chain(n),
 "class_def_return": lambda n: "class C:\n    def f(self):\n        return " + chain(n),
 "if_body": lambda n: "if c:\n    x = " + chain(n),
 "for_body": lambda n: "for i in y:\n    x = " + chain(n),
 "try_body": lambda n: "try:\n    x = " + chain(n) + "\nexcept E:\n    pass",
 "handler_body": lambda n: "try:\n    pass\nexcept E:\n    x = " + chain(n),
 "with_item": lambda n: "with " + chain(n) + ":\n    pass",
 "for_iter": lambda n: "for i in " + chain(n) + ":\n    pass",
 "decorator": lambda n: "@" + chain(n) + "\ndef f():\n    pass",
 "fstring": lambda n: "x = f'{" + chain(n) + "}'",
 "fstring_spec": lambda n: "x = f'{y:{" + chain(n) + "}}'",
 "call_arg": lambda n: "f(" + chain(n) + ")",
 "call_kwarg": lambda n: "f(k=" + chain(n) + ")",
 "list_elt": lambda n: "[" + chain(n) + "]",
 "tuple_elt": lambda n: "(" + chain(n) + ", b)",
 "dict_value": lambda n: "{1: " + chain(n) + "}",
 "dict_splat": lambda n: "{**" + chain(n) + "}",
 "lambda_body": lambda n: "lambda: " + chain(n),
 "lambda_default": lambda n: "lambda x=" + chain(n) + ": x",
 "listcomp_elt": lambda n: "[" + chain(n) + " for x in y]",
 "listcomp_iter": lambda n: "[x for x in " + chain(n) + "]",
 "subscript_tuple": lambda n: "x[" + chain(n) + ", b]",
 "subscript_index": lambda n: "x[" + chain(n) + "]",
 "attr_chain": lambda n: "x = a" + ".b" * n,
 "subscript_chain": lambda n: "x = a" + "[0]" * n,
 "call_chain": lambda n: "x = f" + "()" * n,
 "not_chain": lambda n: "x = " + "not " * n + "a",
 "ifexp_chain": lambda n: "x = " + "a if b else " * n + "c",
 "lambda_chain": lambda n: "x = " + "lambda: " * n + "a",
 "pow_chain": lambda n: "x = " + "**".join(["a"] * (n + 1)),
 "match_value": lambda n: "match x:\n    case {'k': [a, *b] | C(x=1) as y} if " + chain(n) + ":\n        pass",
 "match_guard": lambda n: "match x:\n    case y if " + chain(n) + ":\n        pass",
 "boolop_operand": lambda n: "x = c or " + chain(n),
 "compare_operand": lambda n: "x = c < " + chain(n),
 "set_elt": lambda n: "{" + chain(n) + "}",
 "docstring_def": lambda n: "def f():\n    'doc'\n    return " + chain(n),
 "typealias": lambda n: "type X = " + chain(n),
 "async_def_await": lambda n: "async def f():\n    await (" + chain(n) + ")",
 "nested_defs": lambda n: "def f():\n    def g():\n        class C:\n            x = " + chain(n),
}
PYC = sys.argv[1]
TMP = tempfile.mkdtemp()
def pyc_ok(src):
    path = os.path.join(TMP, "shape.py")
    open(path, "w").write(src + "\n")
    return subprocess.run([PYC, "unparse", path], capture_output=True).returncode == 0
def oracle_ok(src):
    path = os.path.join(TMP, "shape_o.py")
    open(path, "w").write(src + "\n")
    r = subprocess.run(["oracle/python", "-c", "import ast,sys; print(ast.unparse(ast.parse(open(sys.argv[1]).read())))", path], capture_output=True)
    return r.returncode == 0
bad = 0
for name, make in SHAPES.items():
    lo, hi = 10, 1000
    while lo + 1 < hi:
        mid = (lo + hi) // 2
        if pyc_ok(make(mid)): lo = mid
        else: hi = mid
    o1, o2 = oracle_ok(make(lo)), oracle_ok(make(lo + 1))
    status = "OK" if (o1, o2) == (True, False) else "MISMATCH"
    if status != "OK": bad += 1
    print(f"{name}: pyc max {lo}; oracle at {lo}: {o1}, at {lo+1}: {o2} -> {status}", flush=True)
print("mismatches:", bad)
