"""Generates golden/toolkit/cases.txt: Lib/ast.py's helpers on trees, as CPython 3.14 runs them.

usage (from the repository root):
    oracle/python golden/toolkit/gen_cases.py > golden/toolkit/cases.txt

Each case is three lines:
    === <helper> <case name>
    <ast.dump(input, include_attributes=True)>
    <result: a dump, a repr, space-separated class names, or "<Exception>: <message>">
"""
import ast


def dump(node):
    return ast.dump(node, include_attributes=True)


def emit(helper, name, tree, result):
    print(f"=== {helper} {name}")
    print(tree if isinstance(tree, str) else dump(tree))
    print(result)


def call(f):
    try:
        return f()
    except Exception as e:
        return f"{type(e).__name__}: {e}"


def n(i, ctx=None):
    return ast.Name(id=i, ctx=ctx or ast.Load())


FIX_MISSING = {
    "new_nodes_inherit_parent": ast.Module(body=[
        ast.Expr(value=ast.Call(func=n('f'), args=[n('x')], keywords=[]), lineno=3, col_offset=4, end_lineno=3, end_col_offset=10),
        ast.Pass(),
    ], type_ignores=[]),
    "top_level_defaults": ast.Module(body=[ast.Import(names=[ast.alias(name='asyncio')])], type_ignores=[]),
    "end_positions_only_missing": ast.Module(body=[
        ast.Assign(targets=[ast.Name(id='a', ctx=ast.Store(), lineno=2, col_offset=0)], value=ast.Constant(value=1, lineno=2, col_offset=4), lineno=2, col_offset=0),
    ], type_ignores=[]),
    "nested_function_args_and_patterns": ast.Module(body=[
        ast.FunctionDef(name='f', args=ast.arguments(args=[ast.arg(arg='a')], kwonlyargs=[ast.arg(arg='k', lineno=7, col_offset=1, end_lineno=7, end_col_offset=2)], kw_defaults=[None]), body=[
            ast.Match(subject=n('a'), cases=[ast.match_case(pattern=ast.MatchAs(name='z'), body=[ast.Pass(lineno=9, col_offset=8, end_lineno=9, end_col_offset=12)])]),
        ], decorator_list=[], returns=None, type_params=[ast.TypeVar(name='T')], lineno=5, col_offset=0, end_lineno=9, end_col_offset=12),
    ], type_ignores=[]),
}

SOURCES = {
    "simple": "x = 1\n",
    "function": "def f(a, *, b=2) -> int:\n    '''Doc.'''\n    return a + b\n",
    "class_and_call": "class C(B, metaclass=M):\n    x: int = f(1, *a, k=2)\n",
    "comprehension_and_match": "[y for y in z if y]\nmatch p:\n    case [1, *r] if r:\n        pass\n",
    "operators": "a = not b < c ** -d and e or f\n",
    "try_with": "try:\n    with a as b:\n        pass\nexcept E as e:\n    pass\n",
    "type_ignore": "x = 1  # type: ignore[attr]\n",
}

DOCSTRINGS = {
    "module_plain": '"""Summary."""\n',
    "module_indented": '"""\n    Title.\n\n        Indented more.\n    Back.\n    """\n',
    "function_tabs": 'def f():\n    """First line.\n\tTabbed\n\t  more\n    """\n',
    "class_leading_blank_lines": 'class C:\n    """\n\n\n    Text after blanks.\n    """\n',
    "function_not_docstring": 'def f():\n    x = 1\n    """late"""\n',
    "function_bytes_first": 'def f():\n    b"bytes"\n',
    "module_empty": '',
    "module_first_line_indent": '"""   spaced first\n  second\n"""\n',
    "async_function_crlf_like": 'async def f():\n    "line\\r\\n  next"\n',
}

LITERALS = [
    "42", "-3", "+2.5", "1+2j", "-1-2j", "3.5-1j", "'text'", "b'bytes'", "None", "True", "...",
    "(1, 'a', (2,))", "()", "[1, [2, 3], (4,)]", "{1}", "{1, True, 1.0}", "set()",
    "{'a': 1, 'b': [2]}", "{1: 'x', True: 'y', 1.0: 'z'}", "{}",
    "--1", "-(1)", "- 'x'", "1+2", "1j+2", "1+2j+3j", "x", "f(1)", "set(1)", "{[1]: 2}", "{[1]}",
    "{**a}", "not 1", "-True", "[1, x]", "(1, (2, y))", "1e400", "-1e400j", "2**3",
]


# ast.unparse of every node ast.walk yields (non-module nodes included).
UNPARSE_EVERY_NODE = {
    "function_with_everything": "@d\ndef f[T: int, *Ts, **P](a, /, b=1, *c, d, e=2, **g) -> T:\n    '''Doc.'''\n    return [x async for x in y if x]\n",
    "statements": "import a.b as c\nfrom . import d\nwith open(p) as f, g:\n    pass\ntry:\n    pass\nexcept* E as e:\n    pass\nfor i in {k: v for k, v in z}:\n    x += f(*a, k=1, **kw)\n",
    "match": "match p:\n    case [1, *r] | {'k': v, **kw} if r:\n        pass\n    case C(a, b=1) as c:\n        pass\n",
    "expressions": "lambda x, *y: (x if y else -x) ** 2 or not a < b\nf'{x!r:>{w}}'\nt'{y}'\n",
}


def literal_repr(value):
    if isinstance(value, set) and len(value) > 1:
        raise SystemExit("multi-element sets have hash order")
    return repr(value)


def main():
    for name, tree in FIX_MISSING.items():
        before = dump(tree)
        emit("fix_missing_locations", name, before, dump(ast.fix_missing_locations(tree)))
    for name, src in SOURCES.items():
        tree = ast.parse(src, type_comments=True)
        emit("walk", name, tree, " ".join(type(node).__name__ for node in ast.walk(tree)))
        emit("iter_child_nodes", name, tree, " ".join(type(node).__name__ for node in ast.iter_child_nodes(tree.body[0])))
        before = dump(tree)
        emit("increment_lineno", name, before, dump(ast.increment_lineno(tree, 3)))
    for name, src in DOCSTRINGS.items():
        tree = ast.parse(src)
        target = tree if name.startswith("module") else tree.body[0]
        emit("get_docstring", name, tree, repr(call(lambda: ast.get_docstring(target))))
        emit("get_docstring_raw", name, tree, repr(call(lambda: ast.get_docstring(target, clean=False))))
    for name, src in UNPARSE_EVERY_NODE.items():
        tree = ast.parse(src)
        emit("unparse_node", name, tree, repr([ast.unparse(node) for node in ast.walk(tree)]))
    emit("get_docstring", "assign_cannot_have_docstrings", ast.parse("x = 1"), repr(call(lambda: ast.get_docstring(ast.parse("x = 1").body[0]))))
    for index, src in enumerate(LITERALS):
        tree = ast.parse(src, mode='eval')
        try:
            result = literal_repr(ast.literal_eval(tree))
        except (ValueError, TypeError) as e:
            result = f"{type(e).__name__}: {e}"
        emit("literal_eval", f"literal_{index}", tree, result)


main()
