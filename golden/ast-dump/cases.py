"""Hand-built ASTs and what the oracle's `ast.dump` prints for each, in every option combination.

usage (from the repository root): oracle/python golden/ast-dump/cases.py > golden/ast-dump/dumps.txt

crates/ast/tests/dump_golden.rs builds the same trees in Rust (same case names, same order) and
compares `pyc_ast::dump` with each block:
    === <case> include_attributes=<0|1> indent=<None|0|3> show_empty=<0|1>
    <ast.dump text>
A case marked `numbered` gets positions from `number()` (pre-order, every node with attributes);
the others carry the positions written here, or none.
"""
import ast
import sys

VARIANTS = [
    (attrs, indent, show_empty)
    for show_empty in (False, True)
    for attrs in (False, True)
    for indent in ((None, 0, 3) if not show_empty else (None, 3))
]


def number(tree):
    """Pre-order positions: the i-th node with attributes gets (i+1, 2i, i+2, 2i+5)."""
    counter = [0]

    def visit(node):
        if isinstance(node, list):
            for item in node:
                visit(item)
            return
        if not isinstance(node, ast.AST):
            return
        if node._attributes:
            i = counter[0]
            counter[0] += 1
            node.lineno, node.col_offset = i + 1, 2 * i
            node.end_lineno, node.end_col_offset = i + 2, 2 * i + 5
        for field in node._fields:
            visit(getattr(node, field, None))

    visit(tree)
    return tree


def pos(lineno, col, end_lineno, end_col):
    return dict(lineno=lineno, col_offset=col, end_lineno=end_lineno, end_col_offset=end_col)


def load(i):
    return ast.Name(id=i, ctx=ast.Load())


def store(i):
    return ast.Name(id=i, ctx=ast.Store())


def const(value, kind=None):
    return ast.Constant(value=value, kind=kind)


def module(*body):
    return ast.Module(body=list(body), type_ignores=[])


def expr(value):
    return ast.Expr(value=value)


CASES = []


def case(numbered=True):
    def register(builder):
        CASES.append((builder.__name__, builder, numbered))
        return builder

    return register


@case(numbered=False)
def module_empty():
    return ast.Module(body=[], type_ignores=[])


@case()
def module_pass_break_continue_type_ignore():
    return ast.Module(
        body=[ast.Pass(), ast.Break(), ast.Continue()],
        type_ignores=[ast.TypeIgnore(lineno=3, tag="[attr]"), ast.TypeIgnore(lineno=4, tag="")],
    )


@case()
def interactive_expr_statement():
    return ast.Interactive(body=[expr(load("x")), expr(const(1))])


@case()
def expression_u_kind_constant():
    return ast.Expression(body=const("u", kind="u"))


@case()
def function_type_signature():
    return ast.FunctionType(argtypes=[load("int"), load("str")], returns=const(None))


@case()
def function_def_every_argument_kind():
    args = ast.arguments(
        posonlyargs=[ast.arg(arg="a")],
        args=[ast.arg(arg="b", annotation=load("int"), type_comment="int")],
        vararg=ast.arg(arg="args"),
        kwonlyargs=[ast.arg(arg="c"), ast.arg(arg="d")],
        kw_defaults=[None, const(1)],
        kwarg=ast.arg(arg="kw", annotation=load("dict")),
        defaults=[const(2)],
    )
    return module(
        ast.FunctionDef(
            name="f",
            args=args,
            body=[ast.Return(value=load("a"))],
            decorator_list=[load("deco"), ast.Call(func=load("d2"), args=[], keywords=[])],
            returns=load("int"),
            type_comment="(int) -> int",
            type_params=[
                ast.TypeVar(name="T", bound=load("int"), default_value=load("bool")),
                ast.ParamSpec(name="P", default_value=ast.List(elts=[load("int")], ctx=ast.Load())),
                ast.TypeVarTuple(name="Ts", default_value=ast.Starred(value=load("tuple"), ctx=ast.Load())),
            ],
        )
    )


@case()
def async_function_await_for_with():
    return module(
        ast.AsyncFunctionDef(
            name="g",
            args=ast.arguments(),
            body=[
                expr(ast.Await(value=ast.Call(func=load("h"), args=[], keywords=[]))),
                ast.AsyncFor(target=store("x"), iter=load("xs"), body=[ast.Pass()], orelse=[ast.Break()]),
                ast.AsyncWith(items=[ast.withitem(context_expr=load("cm"))], body=[ast.Pass()], type_comment="t"),
            ],
        )
    )


@case()
def class_def_bases_keywords_type_params():
    return module(
        ast.ClassDef(
            name="C",
            bases=[load("B"), ast.Starred(value=load("more"), ctx=ast.Load())],
            keywords=[ast.keyword(arg="metaclass", value=load("M")), ast.keyword(value=load("kw"))],
            body=[ast.Pass()],
            decorator_list=[load("dataclass")],
            type_params=[ast.TypeVar(name="T")],
        )
    )


@case()
def return_without_value():
    return module(ast.Return(), ast.Return(value=const(None)))


@case()
def delete_del_context_targets():
    return module(
        ast.Delete(
            targets=[
                ast.Name(id="a", ctx=ast.Del()),
                ast.Attribute(value=load("b"), attr="c", ctx=ast.Del()),
                ast.Subscript(value=load("d"), slice=const(0), ctx=ast.Del()),
            ]
        )
    )


@case()
def assign_tuple_starred_type_comment():
    target = ast.Tuple(elts=[store("b"), ast.Starred(value=store("c"), ctx=ast.Store())], ctx=ast.Store())
    return module(ast.Assign(targets=[store("a"), target], value=load("v"), type_comment="int"))


@case()
def type_alias_with_params():
    return module(
        ast.TypeAlias(
            name=store("X"),
            type_params=[ast.TypeVar(name="T"), ast.TypeVarTuple(name="Ts"), ast.ParamSpec(name="P")],
            value=ast.Subscript(value=load("list"), slice=load("T"), ctx=ast.Load()),
        )
    )


@case()
def aug_assign_every_operator():
    ops = [ast.Add, ast.Sub, ast.Mult, ast.MatMult, ast.Div, ast.Mod, ast.Pow, ast.LShift,
           ast.RShift, ast.BitOr, ast.BitXor, ast.BitAnd, ast.FloorDiv]
    return module(*[ast.AugAssign(target=store("x"), op=op(), value=const(i)) for i, op in enumerate(ops)])


@case()
def ann_assign_simple_and_not():
    return module(
        ast.AnnAssign(target=store("x"), annotation=load("int"), simple=1),
        ast.AnnAssign(
            target=ast.Attribute(value=load("self"), attr="y", ctx=ast.Store()),
            annotation=const("str"),
            value=const(""),
            simple=0,
        ),
    )


@case()
def for_else_type_comment():
    return module(
        ast.For(target=store("i"), iter=load("r"), body=[ast.Continue()], orelse=[ast.Pass()], type_comment="int")
    )


@case()
def while_if_else_nested():
    inner = ast.If(test=load("c"), body=[ast.Break()], orelse=[ast.If(test=load("d"), body=[ast.Pass()])])
    return module(ast.While(test=const(True), body=[inner], orelse=[ast.Pass()]))


@case()
def with_items_optional_vars():
    return module(
        ast.With(
            items=[
                ast.withitem(context_expr=ast.Call(func=load("open"), args=[const("f")], keywords=[]),
                             optional_vars=store("f")),
                ast.withitem(context_expr=load("g")),
            ],
            body=[ast.Pass()],
            type_comment="x",
        )
    )


@case()
def match_every_pattern():
    cases = [
        ast.match_case(pattern=ast.MatchValue(value=const(1)), body=[ast.Pass()]),
        ast.match_case(pattern=ast.MatchSingleton(value=None), body=[ast.Pass()]),
        ast.match_case(pattern=ast.MatchSingleton(value=True), guard=load("g"), body=[ast.Pass()]),
        ast.match_case(
            pattern=ast.MatchSequence(patterns=[ast.MatchAs(name="a"), ast.MatchStar(name="rest"), ast.MatchStar()]),
            body=[ast.Pass()],
        ),
        ast.match_case(
            pattern=ast.MatchMapping(keys=[const("k")], patterns=[ast.MatchAs()], rest="r"),
            body=[ast.Pass()],
        ),
        ast.match_case(
            pattern=ast.MatchClass(
                cls=ast.Attribute(value=load("m"), attr="P", ctx=ast.Load()),
                patterns=[ast.MatchAs(pattern=ast.MatchAs(name="x"), name="y")],
                kwd_attrs=["z", "w"],
                kwd_patterns=[
                    ast.MatchOr(patterns=[ast.MatchValue(value=const(1)), ast.MatchValue(value=const(2))]),
                    ast.MatchMapping(),
                ],
            ),
            body=[ast.Pass()],
        ),
    ]
    return module(ast.Match(subject=load("s"), cases=cases))


@case()
def raise_with_cause_and_bare():
    return module(
        ast.Raise(exc=ast.Call(func=load("E"), args=[], keywords=[]), cause=load("e")),
        ast.Raise(),
    )


@case()
def try_handlers_else_finally():
    return module(
        ast.Try(
            body=[expr(load("a"))],
            handlers=[
                ast.ExceptHandler(type=load("E"), name="e", body=[ast.Pass()]),
                ast.ExceptHandler(type=ast.Tuple(elts=[load("F"), load("G")], ctx=ast.Load()), body=[ast.Pass()]),
                ast.ExceptHandler(body=[ast.Raise()]),
            ],
            orelse=[ast.Pass()],
            finalbody=[expr(load("b"))],
        )
    )


@case()
def try_star_handlers():
    return module(
        ast.TryStar(
            body=[ast.Pass()],
            handlers=[ast.ExceptHandler(type=load("ValueError"), name="eg", body=[ast.Pass()])],
        )
    )


@case()
def assert_with_and_without_msg():
    return module(ast.Assert(test=load("x"), msg=const("m")), ast.Assert(test=load("y")))


@case()
def import_and_import_from():
    return module(
        ast.Import(names=[ast.alias(name="os"), ast.alias(name="a.b", asname="c")]),
        ast.ImportFrom(names=[ast.alias(name="*")], level=2),
        ast.ImportFrom(module="m", names=[ast.alias(name="x", asname="y")], level=0),
        ast.ImportFrom(module="n", names=[]),
    )


@case()
def global_and_nonlocal():
    return module(ast.Global(names=["a", "b"]), ast.Nonlocal(names=["c"]), ast.Global(names=[]))


@case()
def boolop_and_or():
    return module(
        expr(ast.BoolOp(op=ast.And(), values=[load("a"), load("b")])),
        expr(ast.BoolOp(op=ast.Or(), values=[load("c"), load("d"), load("e")])),
    )


@case()
def compare_every_operator():
    ops = [ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.Is, ast.IsNot, ast.In, ast.NotIn]
    return ast.Expression(
        body=ast.Compare(left=load("a"), ops=[op() for op in ops], comparators=[load(f"b{i}") for i in range(len(ops))])
    )


@case()
def named_expr_if_exp_unary_ops():
    unary = [ast.Invert, ast.Not, ast.UAdd, ast.USub]
    return module(
        expr(ast.NamedExpr(target=store("x"), value=const(1))),
        expr(ast.IfExp(test=load("c"), body=load("a"), orelse=load("b"))),
        *[expr(ast.UnaryOp(op=op(), operand=load("v"))) for op in unary],
    )


@case()
def lambda_with_empty_and_full_arguments():
    return module(
        expr(ast.Lambda(args=ast.arguments(), body=const(None))),
        expr(ast.Lambda(args=ast.arguments(args=[ast.arg(arg="x")], defaults=[const(0)]), body=load("x"))),
    )


@case()
def dict_with_unpacking_and_set():
    return module(
        expr(ast.Dict(keys=[const("a"), None], values=[const(1), load("d")])),
        expr(ast.Dict()),
        expr(ast.Set(elts=[const(1), const(2)])),
    )


@case()
def comprehensions_every_kind():
    # Fresh nodes for each use: number() must not see one node twice.
    def gen():
        return [ast.comprehension(target=store("x"), iter=load("xs"), ifs=[load("p"), load("q")], is_async=0)]

    def agen():
        return [ast.comprehension(target=store("y"), iter=load("ys"), ifs=[], is_async=1)]

    return module(
        expr(ast.ListComp(elt=load("x"), generators=gen())),
        expr(ast.SetComp(elt=load("y"), generators=agen())),
        expr(ast.DictComp(key=load("k"), value=load("v"), generators=gen() + agen())),
        expr(ast.GeneratorExp(elt=load("x"), generators=gen())),
    )


@case()
def yield_yield_from_await():
    return module(
        expr(ast.Yield()),
        expr(ast.Yield(value=const(1))),
        expr(ast.YieldFrom(value=load("it"))),
        expr(ast.Await(value=load("t"))),
    )


@case()
def call_starred_and_keywords():
    return module(
        expr(
            ast.Call(
                func=ast.Attribute(value=load("obj"), attr="m", ctx=ast.Load()),
                args=[const(1), ast.Starred(value=load("a"), ctx=ast.Load())],
                keywords=[ast.keyword(arg="k", value=const(2)), ast.keyword(value=load("kw"))],
            )
        )
    )


@case()
def joined_str_formatted_values():
    spec = ast.JoinedStr(values=[const(">10")])
    return module(
        expr(
            ast.JoinedStr(
                values=[
                    const("a"),
                    ast.FormattedValue(value=load("x"), conversion=-1),
                    ast.FormattedValue(value=load("y"), conversion=114, format_spec=spec),
                ]
            )
        )
    )


@case()
def template_str_interpolations():
    spec = ast.JoinedStr(values=[const("^3"), ast.FormattedValue(value=load("w"), conversion=-1)])
    return module(
        expr(
            ast.TemplateStr(
                values=[
                    const("t "),
                    ast.Interpolation(value=load("x"), str="x", conversion=-1),
                    ast.Interpolation(value=load("y"), str="y ", conversion=97, format_spec=spec),
                ]
            )
        )
    )


@case()
def constants_of_every_type():
    values = [
        None, True, False, ..., 0, -5, 2**100, -(2**70), 1.5, 1e300, float("inf"), -0.0, 1e-7,
        1j, complex(1, -2), complex(0.0, -0.0), "plain", "quote ' and \" and \\ and \n\t\x00",
        "\u00e9\u200b\U0001f600", "\ud800", b"", b"bytes\x00\xff'", (1, "a", (None,)), (),
        frozenset({1, 2, 3}), frozenset(),
    ]
    return ast.Expression(body=ast.Tuple(elts=[const(v) for v in values], ctx=ast.Load()))


@case()
def subscript_slices():
    return module(
        expr(ast.Subscript(value=load("a"), slice=ast.Slice(lower=const(1), upper=const(2), step=const(3)), ctx=ast.Load())),
        expr(ast.Subscript(value=load("b"), slice=ast.Slice(), ctx=ast.Load())),
        expr(
            ast.Subscript(
                value=load("c"),
                slice=ast.Tuple(elts=[ast.Slice(upper=load("u")), const(...)], ctx=ast.Load()),
                ctx=ast.Store(),
            )
        ),
    )


@case()
def list_tuple_contexts_and_empty():
    return module(
        ast.Assign(targets=[ast.List(elts=[store("a"), store("b")], ctx=ast.Store())], value=ast.Tuple(elts=[], ctx=ast.Load())),
        expr(ast.List(elts=[], ctx=ast.Load())),
    )


@case()
def attribute_chain():
    inner = ast.Attribute(value=ast.Attribute(value=load("a"), attr="b", ctx=ast.Load()), attr="c", ctx=ast.Load())
    return ast.Expression(body=ast.Attribute(value=inner, attr="d", ctx=ast.Load()))


@case()
def binop_chain_indentation():
    node = load("a")
    for i, op in enumerate([ast.Add, ast.Mult, ast.Sub, ast.Pow, ast.BitOr]):
        node = ast.BinOp(left=node, op=op(), right=const(i))
    return ast.Expression(body=node)


@case(numbered=False)
def function_without_any_position():
    return module(
        ast.FunctionDef(
            name="f",
            args=ast.arguments(args=[ast.arg(arg="x")]),
            body=[ast.Return(value=ast.BinOp(left=load("x"), op=ast.Add(), right=const(1)))],
        )
    )


@case(numbered=False)
def partial_positions():
    return module(
        ast.Expr(
            value=ast.Call(
                func=ast.Name(id="f", ctx=ast.Load(), lineno=1, col_offset=0),
                args=[ast.Constant(value=1, lineno=1, col_offset=2, end_lineno=1)],
                keywords=[ast.keyword(arg="k", value=load("v"), lineno=2, col_offset=4)],
                **pos(1, 0, 2, 9),
            ),
            lineno=1,
            col_offset=0,
        ),
        ast.Match(
            subject=load("s"),
            cases=[ast.match_case(pattern=ast.MatchAs(name="x", lineno=3, col_offset=5), body=[ast.Pass(**pos(4, 4, 4, 8))])],
            **pos(3, 0, 4, 8),
        ),
    )


@case(numbered=False)
def odd_position_values():
    return module(
        ast.Expr(value=ast.Name(id="x", ctx=ast.Load(), **pos(0, -1, -7, 2147483647)), **pos(-2147483647, 0, 0, 0)),
    )


@case()
def unicode_names_and_strings():
    return module(
        ast.Assign(targets=[store("\u03c0")], value=const("caf\u00e9 \u2028 \x7f")),
        ast.ImportFrom(module="\u00fcber", names=[ast.alias(name="\u00e4", asname="_\u00e5")], level=1),
    )


@case()
def expression_statement_root_stmt():
    return ast.If(test=load("x"), body=[ast.Pass()], orelse=[])


@case()
def expression_root_expr():
    return ast.Call(func=load("f"), args=[const(1), const(2), const(3)], keywords=[])


@case()
def pattern_root():
    return ast.MatchOr(patterns=[ast.MatchValue(value=const(1)), ast.MatchAs(name="x")])


@case(numbered=False)
def arguments_root_and_simple_nodes():
    return ast.arguments(args=[ast.arg(arg="a")], kw_defaults=[None])


@case()
def four_simple_arguments_break_lines():
    # Constant with a kind: two simple arguments; with positions, six.
    return ast.Expression(body=ast.Tuple(elts=[const("x", kind="u"), const(b"y")], ctx=ast.Load()))


def main():
    out = sys.stdout
    for name, builder, numbered in CASES:
        tree = builder()
        if numbered:
            number(tree)
        for attrs, indent, show_empty in VARIANTS:
            text = ast.dump(tree, include_attributes=attrs, indent=indent, show_empty=show_empty)
            out.write(f"=== {name} include_attributes={int(attrs)} indent={indent} show_empty={int(show_empty)}\n")
            out.write(text + "\n")


main()
