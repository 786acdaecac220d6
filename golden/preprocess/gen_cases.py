"""Generates golden/preprocess/cases.txt: what CPython 3.14's AST preprocessing
(Python/ast_preprocess.c) does to a tree at each optimization level, and its PEP 765 warnings.

usage (from the repository root):
    oracle/python golden/preprocess/gen_cases.py > golden/preprocess/cases.txt

Each case is
    === <case name>
    <ast.dump(ast.parse(src), include_attributes=True)>
    --- O0 / --- O1 / --- O2
    <ast.dump(compile(src, ..., flags=PyCF_OPTIMIZED_AST, optimize=N), include_attributes=True)>
    --- warnings
    <lineno>:<message> of each SyntaxWarning compile(src, "<case>", "exec") emits
    --- first warning as error
    <lineno> <offset> <end_lineno> <end_offset> of the SyntaxError under -W error, or "none"
"""
import ast
import warnings

CASES = {
    "debug_name": "x = __debug__\nif __debug__:\n    pass\nf(__debug__)\n",
    "debug_store_untouched": "def f():\n    return __debug__.real\n",
    "percent_format_fold": "a = '%s-%r-%a' % (x, y, z)\nb = '%5s|%-5s|%.3s|%05.2s|%.s' % (a, b, c, d, e)\nc = '%%s %s%%' % (x,)\nd = 'x%sy' % (f(),)\ne = '' % ()\nf = 'lit' % ()\n",
    "percent_format_not_folded": "c = '%d' % (x,)\nd = '%s %s' % (x,)\ne = '%s' % (x, y)\ng = '%s' % (*x,)\nh = b'%s' % (x,)\ni = '%s' % x\nj = '%123s' % (x,)\nm = '%s%' % (x,)\nn = '%(a)s' % (x,)\no = '%.123s' % (x,)\np = x % (y,)\n",
    "percent_format_nested": "a = '%s' % ('%s' % (x,),)\nb = ('%s' % (x,)) % (y,)\n",
    "percent_format_non_ascii": "a = '\u00e9%s\U0001f600%r' % (x, y)\n",
    "docstrings": "'''Module doc.'''\ndef f():\n    'only a docstring'\nasync def g():\n    '''doc'''\n    return 1\nclass C:\n    'doc'\n    x = 1\nclass D:\n    '''multi\n    line'''\n",
    "docstring_then_string_becomes_fstring": "def f():\n    'doc'\n    'second string'\n    return 1\n",
    "docstring_removed_body_then_pass": "def f():\n    '''a\n    b'''\n",
    "not_docstrings": "def f():\n    x = 1\n    'not doc'\nlambda: 'x'\nif x:\n    'in if'\n",
    "match_value_folds": "match x:\n    case -1: pass\n    case 1+2j: pass\n    case -1-2j: pass\n    case -0.5 + 0j: pass\n    case 0 - 0j: pass\n    case -0j: pass\n    case {-1: a, 2-3j: b, 'k': c}: pass\n    case [-1, (-2), C(-3), -4 | -5, (-6 as y)]: pass\n    case 1e400 - 1e400j: pass\n    case 100000000000000000000 + 1j: pass\n",
    "future_annotations_untouched": "from __future__ import annotations\ndef f(a: __debug__ = __debug__) -> __debug__:\n    x: __debug__ = __debug__\n",
    "annotations_folded": "def f(a: __debug__, *b: __debug__, c: '%s' % (x,), **d: __debug__) -> __debug__:\n    x: __debug__ = __debug__\n",
    "everywhere": "@d(__debug__)\nclass C(__debug__, k=__debug__):\n    pass\ndef f[T: __debug__ = __debug__, *Ts = __debug__, **P = __debug__]():\n    pass\ntype X[T: __debug__] = __debug__\nfor a in __debug__:\n    pass\nelse:\n    __debug__\nwhile __debug__:\n    pass\nwith __debug__ as a:\n    pass\ntry:\n    __debug__\nexcept __debug__:\n    pass\nelse:\n    __debug__\nfinally:\n    __debug__\nassert __debug__, __debug__\nraise __debug__ from __debug__\n[__debug__ for a in __debug__ if __debug__]\n{__debug__: __debug__ for a in b}\n(__debug__ for a in b)\n{__debug__ for a in b}\nlambda a=__debug__: __debug__\nx[__debug__:__debug__:__debug__]\nf'{__debug__!r:{__debug__}}'\nt'{__debug__}'\n(y := __debug__)\n{**__debug__, __debug__: 1}\n__debug__ if __debug__ else __debug__\nnot __debug__ and __debug__\n__debug__ < __debug__\n*a, = __debug__\nx += __debug__\ndel x[__debug__]\nmatch __debug__:\n    case C(x=1) if __debug__:\n        __debug__\n",
    "async_everywhere": "async def f():\n    await __debug__\n    async for a in __debug__:\n        yield __debug__\n    async with __debug__:\n        pass\n",
    "yield_from_debug": "def g():\n    yield from __debug__\n    yield\n",
    "finally_return": "def f():\n    try:\n        pass\n    finally:\n        return 1\n",
    "finally_break_continue": "for x in y:\n    try:\n        pass\n    finally:\n        break\nwhile 1:\n    try:\n        pass\n    finally:\n        continue\n",
    "finally_nested_scopes_no_warning": "def f():\n    try:\n        pass\n    finally:\n        for a in b:\n            break\n        while c:\n            continue\n        def g():\n            return 2\n",
    "finally_in_loop_in_finally": "def f():\n    for x in y:\n        try:\n            pass\n        finally:\n            try:\n                pass\n            finally:\n                break\n            return 3\n",
    "finally_trystar": "def f():\n    try:\n        pass\n    except* E:\n        pass\n    finally:\n        return\n",
    "finally_in_if_and_with": "def f():\n    try:\n        pass\n    finally:\n        if x:\n            return 1\n        with a:\n            return 2\n    return 3\n",
}


def dump(tree):
    return ast.dump(tree, include_attributes=True)


def main():
    for name, src in CASES.items():
        print(f"=== {name}")
        print(dump(ast.parse(src)))
        for level in (0, 1, 2):
            print(f"--- O{level}")
            print(dump(compile(src, name, "exec", flags=ast.PyCF_OPTIMIZED_AST, optimize=level)))
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            compile(src, name, "exec")
        print("--- warnings")
        for w in caught:
            assert w.category is SyntaxWarning, w
            print(f"{w.lineno}:{w.message}")
        print("--- first warning as error")
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            try:
                compile(src, name, "exec")
            except SyntaxError as e:
                print(f"{e.lineno} {e.offset} {e.end_lineno} {e.end_offset} {e.msg}")
            else:
                print("none")


main()
