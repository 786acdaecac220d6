"""Generates golden/unparse-trees/cases.txt: trees and what CPython's ast.unparse makes of them.

usage (from the repository root):
    oracle/python golden/unparse-trees/gen_cases.py > golden/unparse-trees/cases.txt

Each case is
    === <case name>
    <ast.dump(tree, include_attributes=True)>
    --- unparse            (or: --- error)
    <ast.unparse(tree)>    (or: <exception type>: <message>)
The trees come from ast.parse of a snippet (modes exec, single, eval, func_type; some with
type_comments=True) or are built by hand where the parser cannot produce them.
"""
import ast

SNIPPETS = {
    "strings_prefer_single_quotes": "a = 'x'\nb = \"it's\"\nc = 'say \"hi\"'\nd = '''both ' and \"'''\n",
    "strings_escape_nonprintable": "a = '\\x00\\x7f\\x80\\u200b\\U0001f600\\ud800'\nb = 'tab\\tnl\\ncr\\r'\nc = '\\\\'\n",
    "bytes_literals": "a = b'x\\x00\\'\"'\nb = b\"it's\"\n",
    "u_prefix_kept": "a = u'text'\n",
    "docstring_quotes": "def f():\n    '''has \"\"\" inside'''\ndef g():\n    \"ends with quote\\\"\"\ndef h():\n    '''line\n    two\\\\'''\nclass C:\n    u'unicode doc'\n",
    "docstring_all_quotes_fall_back_to_repr": "def f():\n    '''a\\'\\'\\'b\"\"\"c'''\n",
    "module_docstring_then_code": "'''Module doc.'''\nimport os\n",
    "fstring_quotes": "a = f'{x}'\nb = f\"{x['k']}\"\nc = f'''{x[\"k\"]} and {y['j']}'''\nd = f'{x!r:>{width}}'\ne = f'{x=}'\nf = f'{x:%Y-%m-%d}'\ng = f'{ {1: 2}[1] }'\nh = f'{{literal}} {x}'\n",
    "fstring_nested_and_multiline": "a = f'{f\"{x}\"}'\nb = f'''{x\n}'''\nc = f'{\"a\" if x else \"b\"}'\nd = f'{x:{\"\\n\"}}'\n",
    "fstring_format_spec_escapes": "a = f'{x:\\'}'\nb = f'{x:\\\\}'\n",
    "fstring_newline_in_literal": "a = f'line\\n{x}'\nb = f'''tab\\t{x}\\'{y}\"'''\n",
    "tstrings": "a = t'{x}'\nb = t'{x!r:>10} and {y=}'\nc = t'plain'\n",
    "precedence_arithmetic": "a = (1 + 2) * 3\nb = 1 + 2 * 3\nc = (a - b) - c\nd = a - (b - c)\ne = 2 ** 3 ** 4\nf = (2 ** 3) ** 4\ng = -2 ** 2\nh = (-2) ** 2\ni = not a == b\nj = (not a) == b\nk = a if b else c if d else e\nl = (a if b else c) if d else e\nm = ~-+a\nn = a @ b // c % d\n",
    "precedence_boolean": "a = x or y and z\nb = (x or y) and z\nc = x and y or z\nd = x or (y or z)\ne = (x or y) or z\nf = not (x and y)\ng = x < y < z\nh = (x < y) < z\n",
    "precedence_special": "a = (yield)\nb = await x\nc = (await x) ** 2\nd = [(yield x)]\ne = lambda: (yield)\nf = (x := 1)\ng = [y := 2, y]\nh = (lambda x: x)(1)\ni = (a, b)\nj = a, b\nk = ()\nl = (1,)\nm = x[1:2, ::3]\nn = x[()]\no = x[(1, 2)]\np = x[1,]\nq = (*a, *b)\nr = f(*args, **kwargs)\ns = 1 .real\nt = 1.5.real\nu = True.real\n",
    "yield_statements": "def g():\n    yield\n    yield x\n    yield from y\n    x = yield\n    x = yield from y\n    await z\n",
    "collections": "a = {}\nb = {1: 2, **c}\nc = {1, 2}\nd = [1, 2]\ne = {**a, 'b': 1}\nf = [x for x in y if x if not x]\ng = {x: y for x, y in z}\nh = {x for x in y}\ni = (x for x in y)\nj = [x async for x in y]\nk = [(a, b) for a, b in c]\nl = [x for x in (yield)]\n",
    "function_arguments": "def f(a, b=1, /, c=2, *d, e, f=3, **g): pass\ndef g(a, /): pass\ndef h(*, a): pass\ndef i(*args: int, **kw: str) -> None: pass\nlambda a, /, b=1, *c, d, **e: 0\nlambda: 0\nlambda *a: 0\ndef j(*args: *Ts): pass\n",
    "decorators_and_classes": "@dec\n@dec.attr(arg)\ndef f(): pass\nclass A(B, metaclass=M): pass\nclass C: pass\nclass D(): pass\n@x\nclass E(*bases, **kw):\n    x = 1\n",
    "type_params": "def f[T, *Ts, **P](): pass\nclass C[T: int = str, *Ts = *tuple[int], **P = [int]]: pass\ntype X = int\ntype Y[T] = list[T]\n",
    "statements": "del a, b\ndel (a, b)\nassert x, 'msg'\nraise\nraise E\nraise E from cause\nglobal a, b\nimport a.b as c, d\nfrom . import x\nfrom ..a import b as c\nfrom a import *\nx += 1\ny **= 2\nx: int\n(y): int = 3\nz.a: str\nfor a, b in c:\n    break\nelse:\n    continue\nwhile x:\n    pass\nelse:\n    pass\n",
    "if_elif_else": "if a:\n    pass\nelif b:\n    pass\nelif c:\n    pass\nelse:\n    pass\nif a:\n    pass\nelse:\n    if b:\n        pass\n    x = 1\n",
    "try_statements": "try:\n    pass\nexcept E as e:\n    pass\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass\ntry:\n    pass\nexcept* E:\n    pass\ntry:\n    pass\nexcept (A, B):\n    pass\n",
    "with_and_async": "with a as b, c as (d, e):\n    pass\nasync def f():\n    async with a:\n        pass\n    async for x in y:\n        pass\n    else:\n        pass\n    return [i async for i in x]\n",
    "match_statements": "match x:\n    case 1 | 2 | 3:\n        pass\n    case [a, *rest]:\n        pass\n    case [*_]:\n        pass\n    case {'k': v, **kw}:\n        pass\n    case {}:\n        pass\n    case Point(x=0, y=yy) as p if p:\n        pass\n    case Point(1, 2):\n        pass\n    case (1 | 2) as z:\n        pass\n    case -1 | 1 + 2j | -1.5 - 3j:\n        pass\n    case None | True | False:\n        pass\n    case a.b.c:\n        pass\n    case [1, [2, 3] as y]:\n        pass\n    case _:\n        pass\n",
    "numbers": "a = 1e400\nb = -1e400\nc = 1e400j\nd = 0x10\ne = 1_000\nf = 1.0\ng = 10 ** 20\nh = 2j\ni = 0.1\nj = 1e-7\n",
    "nested_functions_blank_lines": "def f():\n    def g():\n        pass\n    class C:\n        pass\n    return g\nx = 1\ndef h(): pass\n",
}

MODE_SNIPPETS = {
    "interactive_single": ("x = 1; y = 2", "single", False),
    "interactive_compound": ("if x:\n    pass\n", "single", False),
    "eval_expression": ("x if y else z", "eval", False),
    "func_type": ("(int, *str) -> bool", "func_type", False),
    "type_comments": ("def f(a):  # type: (int) -> int\n    return a\nx = 1  # type: int\nfor i in y:  # type: int\n    pass\nwith a as b:  # type: int\n    pass\nz = 1  # type: ignore[misc]\n", "exec", True),
}


def loc(node, line=1):
    return ast.fix_missing_locations(node)


def module(*stmts):
    return ast.Module(body=list(stmts), type_ignores=[])


def expr(e):
    return module(ast.Expr(value=e))


def name(i):
    return ast.Name(id=i, ctx=ast.Load())


def const(v, kind=None):
    return ast.Constant(value=v, kind=kind)


def joined(*values):
    return ast.JoinedStr(values=list(values))


HANDMADE = {
    "constant_tuple_one": expr(const((1,))),
    "constant_tuple_many": expr(const((1, 'a', (2.5, None)))),
    "constant_tuple_empty": expr(const(())),
    "constant_frozenset": expr(const(frozenset({1}))),
    "constant_ellipsis": expr(const(...)),
    "constant_nan_and_inf": module(
        ast.Assign(targets=[ast.Name(id='a', ctx=ast.Store())], value=const(float('nan'))),
        ast.Assign(targets=[ast.Name(id='b', ctx=ast.Store())], value=const(complex(float('inf'), float('-inf')))),
        ast.Assign(targets=[ast.Name(id='c', ctx=ast.Store())], value=const((float('inf'),))),
    ),
    "constant_int_attribute": expr(ast.Attribute(value=const(5), attr='real', ctx=ast.Load())),
    "set_empty": expr(ast.Set(elts=[])),
    "binop_right_nested_needs_parens": expr(ast.BinOp(left=name('a'), op=ast.Sub(), right=ast.BinOp(left=name('b'), op=ast.Add(), right=name('c')))),
    "unary_nested": expr(ast.UnaryOp(op=ast.USub(), operand=ast.UnaryOp(op=ast.USub(), operand=name('x')))),
    "boolop_three_levels": expr(ast.BoolOp(op=ast.Or(), values=[name('a'), ast.BoolOp(op=ast.Or(), values=[name('b'), name('c')]), ast.BoolOp(op=ast.And(), values=[name('d'), name('e')])])),
    "compare_inside_compare": expr(ast.Compare(left=ast.Compare(left=name('a'), ops=[ast.Lt()], comparators=[name('b')]), ops=[ast.Eq()], comparators=[name('c')])),
    "namedexpr_value_binop": expr(ast.NamedExpr(target=ast.Name(id='x', ctx=ast.Store()), value=ast.BinOp(left=name('a'), op=ast.Add(), right=name('b')))),
    "fstring_all_quotes_fall_back": expr(joined(const("'\"'''\"\"\""), ast.FormattedValue(value=name('x'), conversion=-1))),
    "fstring_constant_with_quotes_and_field": expr(joined(const("it's \"x\""), ast.FormattedValue(value=name('x'), conversion=-1))),
    "fstring_field_with_newline": expr(joined(ast.FormattedValue(value=ast.Constant(value="a\nb"), conversion=-1), const("'"))),
    "fstring_dict_field_gets_space": expr(joined(ast.FormattedValue(value=ast.Dict(keys=[const(1)], values=[const(2)]), conversion=-1))),
    "fstring_lambda_field": expr(joined(ast.FormattedValue(value=ast.Lambda(args=ast.arguments(), body=name('x')), conversion=114))),
    "fstring_nested_joinedstr_value": expr(joined(joined(const("in"), ast.FormattedValue(value=name('x'), conversion=-1)))),
    "fstring_constant_non_str": expr(joined(const(1))),
    "fstring_unexpected_node": expr(joined(name('x'))),
    "fstring_unexpected_node_repr_truncated": expr(joined(ast.parse("f(a, [[[b]]], *c, d=lambda: 0)").body[0].value)),
    "fstring_unexpected_comprehension_repr": expr(joined(ast.parse("[x for x in y if x if z]").body[0].value)),
    "interpolation_str_field": expr(ast.TemplateStr(values=[ast.Interpolation(value=name('x'), str='x  ', conversion=-1)])),
    "interpolation_str_not_a_str": expr(ast.TemplateStr(values=[ast.Interpolation(value=name('x'), str=1, conversion=-1)])),
    "interpolation_str_bytes": expr(ast.TemplateStr(values=[ast.Interpolation(value=name('x'), str=b'x', conversion=-1)])),
    "fstring_conversion_out_of_range": expr(joined(ast.FormattedValue(value=name('x'), conversion=-5))),
    "interpolation_without_str": expr(ast.TemplateStr(values=[ast.Interpolation(value=name('y'), str=None, conversion=97, format_spec=joined(const('>5')))])),
    "raise_cause_without_exception": module(ast.Raise(exc=None, cause=name('c'))),
    "tuple_target_in_for": module(ast.For(target=ast.Tuple(elts=[ast.Name(id='a', ctx=ast.Store())], ctx=ast.Store()), iter=name('b'), body=[ast.Pass()], orelse=[])),
    "annassign_not_simple_name": module(ast.AnnAssign(target=ast.Name(id='x', ctx=ast.Store()), annotation=name('int'), value=None, simple=0)),
    "matchas_without_name": module(ast.Match(subject=name('x'), cases=[ast.match_case(pattern=ast.MatchAs(pattern=None, name=None), body=[ast.Pass()])])),
    "matchstar_without_name": module(ast.Match(subject=name('x'), cases=[ast.match_case(pattern=ast.MatchSequence(patterns=[ast.MatchStar(name=None)]), body=[ast.Pass()])])),
    "matchmapping_rest_only": module(ast.Match(subject=name('x'), cases=[ast.match_case(pattern=ast.MatchMapping(keys=[], patterns=[], rest='r'), body=[ast.Pass()])])),
    "matchclass_keywords_mismatch": module(ast.Match(subject=name('x'), cases=[ast.match_case(pattern=ast.MatchClass(cls=name('C'), patterns=[], kwd_attrs=['a', 'b'], kwd_patterns=[ast.MatchAs(name='z')]), body=[ast.Pass()])])),
    "docstring_not_first_is_plain_string": module(ast.Pass(), ast.Expr(value=const("not a docstring"))),
    "importfrom_no_module_level_zero": module(ast.ImportFrom(module=None, names=[ast.alias(name='x')], level=0)),
    "class_with_docstring_only": module(ast.ClassDef(name='C', bases=[], keywords=[], body=[ast.Expr(value=const('doc\\with backslash'))], decorator_list=[], type_params=[])),
}


def emit(case_name, tree):
    print(f"=== {case_name}")
    print(ast.dump(tree, include_attributes=True))
    try:
        text = ast.unparse(tree)
    except Exception as e:
        print("--- error")
        print(f"{type(e).__name__}: {e}")
    else:
        print("--- unparse")
        print(text)


def main():
    for case_name, src in SNIPPETS.items():
        emit(case_name, ast.parse(src))
    for case_name, (src, mode, type_comments) in MODE_SNIPPETS.items():
        emit(case_name, ast.parse(src, mode=mode, type_comments=type_comments))
    for case_name, tree in HANDMADE.items():
        emit(case_name, ast.fix_missing_locations(tree))


main()
