"""Writes c_stack_thresholds.json: for chains of binary operators, calls and subscripts placed in
various statement and expression contexts, the deepest chain CPython 3.14.2 compiles before its
code generator raises RecursionError ("Stack overflow (used N kB) during compilation"). The frame
sizes of crates/codegen/src/compiler.rs (`Frame`) were fitted to these numbers, and
crates/pyc/tests/codegen_checks.rs checks them.

Run: oracle/python golden/codegen-checks/measure_c_stack.py > golden/codegen-checks/c_stack_thresholds.json
"""
import json

CHAINS = {
    "bin": lambda n: "a" + "+a" * n,
    "call": lambda n: "a" + "()" * n,
    "sub": lambda n: "a" + "[0]" * n,
}
BOUNDS = {"bin": (23000, 25000), "call": (10000, 12000), "sub": (16500, 18500)}

CONTEXTS = {
    "assign": "x = CHAIN",
    "expr": "CHAIN",
    "augassign": "x += CHAIN",
    "annassign_value": "x: int = CHAIN",
    "if_body": "if x:\n    y = CHAIN",
    "if_test": "if CHAIN:\n    pass",
    "elif": "if a:\n    pass\nelif b:\n    y = CHAIN",
    "if3": "if a:\n    if b:\n        if c:\n            y = CHAIN",
    "while_test": "while CHAIN:\n    pass",
    "while_body": "while x:\n    y = CHAIN",
    "for_iter": "for x in CHAIN:\n    pass",
    "for_body": "for x in y:\n    z = CHAIN",
    "with_item": "with CHAIN:\n    pass",
    "with_body": "with a:\n    z = CHAIN",
    "with2_body": "with a, b:\n    y = CHAIN",
    "try_body": "try:\n    z = CHAIN\nexcept:\n    pass",
    "except_body": "try:\n    pass\nexcept E:\n    y = CHAIN",
    "try_finally_body": "try:\n    y = CHAIN\nfinally:\n    pass",
    "finally_body": "try:\n    pass\nfinally:\n    y = CHAIN",
    "match_body": "match x:\n    case 1:\n        y = CHAIN",
    "raise": "raise CHAIN",
    "assert": "assert CHAIN",
    "def_assign": "def f():\n    z = CHAIN",
    "def_return": "def f():\n    return CHAIN",
    "return_in_if_def": "def f():\n    if x:\n        return CHAIN",
    "nested_def": "def f():\n    def g():\n        return CHAIN",
    "await_async": "async def f():\n    await CHAIN",
    "yield_def": "def f():\n    yield CHAIN",
    "decorator": "@CHAIN\ndef f(): pass",
    "default_arg": "def f(a=CHAIN): pass",
    "class_assign": "class C:\n    z = CHAIN",
    "class_base": "class C(CHAIN): pass",
    "method_in_class": "class C:\n    def f(self):\n        return CHAIN",
    "call_arg": "f(CHAIN)",
    "call_kwarg": "f(k=CHAIN)",
    "starred_arg": "f(*CHAIN)",
    "method_kwarg": "x.y(k=CHAIN)",
    "list_elt": "x = [CHAIN]",
    "tuple_elt": "x = b, CHAIN",
    "set_elt": "x = {CHAIN}",
    "dict_value": "x = {b: CHAIN}",
    "binop_right": "x = b + (CHAIN)",
    "compare": "x = b < CHAIN",
    "boolop": "x = b or CHAIN",
    "subscript_index": "x = b[CHAIN]",
    "fstring": "x = f'{CHAIN}'",
    "lambda_body": "x = lambda: CHAIN",
    "listcomp_elt": "x = [CHAIN for y in z]",
    "genexp_elt": "x = (CHAIN for y in z)",
}


def compiles(source):
    try:
        compile(source, "<case>", "exec")
        return True
    except RecursionError:
        return False


def deepest(template, chain, lo, hi):
    assert compiles(template.replace("CHAIN", chain(lo)))
    assert not compiles(template.replace("CHAIN", chain(hi)))
    while lo + 1 < hi:
        mid = (lo + hi) // 2
        if compiles(template.replace("CHAIN", chain(mid))):
            lo = mid
        else:
            hi = mid
    return lo


result = []
for name, template in CONTEXTS.items():
    case = {"context": name, "template": template}
    for chain, make in CHAINS.items():
        case[chain] = deepest(template, make, *BOUNDS[chain])
    result.append(case)
print(json.dumps(result, indent=1))
