"""Generates golden/validate/cases.txt: malformed ASTs and the error CPython's validator gives them.

usage (from the repository root): oracle/python golden/validate/gen_cases.py > golden/validate/cases.txt

Each case parses a valid snippet, breaks one thing (Python/ast.c: _PyAST_Validate), and records
    == <case name>
    <ast.dump(tree, include_attributes=True)>
    <exception type>: <message of compile(tree, "<ast>", "exec")>
"""
import ast


def stmt(src):
    return ast.parse(src).body[0]


def setp(node, lineno, col, end_lineno, end_col):
    node.lineno, node.col_offset = lineno, col
    if end_lineno is None:
        if hasattr(node, "end_lineno"):
            del node.end_lineno
    else:
        node.end_lineno = end_lineno
    node.end_col_offset = end_col


def name(i, ctx=None):
    return ast.Name(id=i, ctx=ctx or ast.Load())


def case_pattern(src):
    """The pattern of the first case of a match statement."""
    return lambda t: t.body[0].cases[0]


# (case name, source, mutation applied to the parsed module)
CASES = [
    # Expression contexts.
    ("assign_target_load_ctx", "x = y", lambda t: setattr(t.body[0].targets[0], "ctx", ast.Load())),
    ("expr_name_store_ctx", "y", lambda t: setattr(t.body[0].value, "ctx", ast.Store())),
    ("delete_target_load_ctx", "del x", lambda t: setattr(t.body[0].targets[0], "ctx", ast.Load())),
    ("assign_target_call", "x = y", lambda t: t.body[0].targets.__setitem__(0, ast.Call(func=name("f"), args=[], keywords=[]))),
    ("delete_target_binop", "del x", lambda t: t.body[0].targets.__setitem__(0, ast.BinOp(left=name("a"), op=ast.Add(), right=name("b")))),
    ("attribute_store_in_load", "a.b", lambda t: setattr(t.body[0].value, "ctx", ast.Store())),
    ("subscript_del_in_load", "a[b]", lambda t: setattr(t.body[0].value, "ctx", ast.Del())),
    ("starred_load_in_store", "*a, b = c", lambda t: setattr(t.body[0].targets[0].elts[0], "ctx", ast.Load())),
    ("list_element_load_in_store", "[a, b] = c", lambda t: setattr(t.body[0].targets[0].elts[1], "ctx", ast.Load())),
    ("for_tuple_target_load", "for a, b in c: pass", lambda t: setattr(t.body[0].target, "ctx", ast.Load())),
    ("augassign_target_load", "x += 1", lambda t: setattr(t.body[0].target, "ctx", ast.Load())),
    ("comprehension_target_load", "[x for x in y]", lambda t: setattr(t.body[0].value.generators[0].target, "ctx", ast.Load())),
    ("with_optional_vars_load", "with a as b: pass", lambda t: setattr(t.body[0].items[0].optional_vars, "ctx", ast.Load())),
    ("annassign_value_store", "x: int = y", lambda t: setattr(t.body[0].value, "ctx", ast.Store())),
    ("namedexpr_target_attribute", "(x := 1)", lambda t: setattr(t.body[0].value, "target", ast.Attribute(value=name("a"), attr="b", ctx=ast.Store()))),
    ("call_keyword_value_store", "f(a=b)", lambda t: setattr(t.body[0].value.keywords[0].value, "ctx", ast.Store())),
    ("lambda_default_store", "lambda a=b: a", lambda t: setattr(t.body[0].value.args.defaults[0], "ctx", ast.Store())),
    ("arg_annotation_store", "def f(a: b): pass", lambda t: setattr(t.body[0].args.args[0].annotation, "ctx", ast.Store())),
    ("fstring_value_store", "f'{a}'", lambda t: setattr(t.body[0].value.values[0].value, "ctx", ast.Store())),
    ("slice_bound_store", "a[b:c]", lambda t: setattr(t.body[0].value.slice.lower, "ctx", ast.Store())),
    # Identifiers that name constants.
    ("name_none", "x", lambda t: setattr(t.body[0].value, "id", "None")),
    ("name_true_store", "x = 1", lambda t: setattr(t.body[0].targets[0], "id", "True")),
    ("name_false", "x", lambda t: setattr(t.body[0].value, "id", "False")),
    ("typevar_named_none", "def f[T](): pass", lambda t: setattr(t.body[0].type_params[0], "name", "None")),
    ("paramspec_named_true", "def f[**P](): pass", lambda t: setattr(t.body[0].type_params[0], "name", "True")),
    ("typevartuple_named_false", "class C[*Ts]: pass", lambda t: setattr(t.body[0].type_params[0], "name", "False")),
    ("matchclass_kwd_attr_none", "match x:\n case C(a=1): pass", lambda t: t.body[0].cases[0].pattern.kwd_attrs.__setitem__(0, "None")),
    ("matchas_capture_underscore", "match x:\n case y: pass", lambda t: setattr(t.body[0].cases[0].pattern, "name", "_")),
    ("matchstar_capture_underscore", "match x:\n case [*y]: pass", lambda t: setattr(t.body[0].cases[0].pattern.patterns[0], "name", "_")),
    ("matchmapping_rest_underscore", "match x:\n case {**y}: pass", lambda t: setattr(t.body[0].cases[0].pattern, "rest", "_")),
    ("matchas_capture_true", "match x:\n case y: pass", lambda t: setattr(t.body[0].cases[0].pattern, "name", "True")),
    # Empty sequences.
    ("functiondef_empty_body", "def f(): pass", lambda t: setattr(t.body[0], "body", [])),
    ("asyncfunctiondef_empty_body", "async def f(): pass", lambda t: setattr(t.body[0], "body", [])),
    ("classdef_empty_body", "class C: pass", lambda t: setattr(t.body[0], "body", [])),
    ("for_empty_body", "for a in b: pass", lambda t: setattr(t.body[0], "body", [])),
    ("asyncfor_empty_body", "async def f():\n async for a in b: pass", lambda t: setattr(t.body[0].body[0], "body", [])),
    ("while_empty_body", "while a: pass", lambda t: setattr(t.body[0], "body", [])),
    ("if_empty_body", "if a: pass", lambda t: setattr(t.body[0], "body", [])),
    ("with_empty_body", "with a: pass", lambda t: setattr(t.body[0], "body", [])),
    ("with_empty_items", "with a: pass", lambda t: setattr(t.body[0], "items", [])),
    ("asyncwith_empty_items", "async def f():\n async with a: pass", lambda t: setattr(t.body[0].body[0], "items", [])),
    ("asyncwith_empty_body", "async def f():\n async with a: pass", lambda t: setattr(t.body[0].body[0], "body", [])),
    ("try_empty_body", "try: pass\nexcept E: pass", lambda t: setattr(t.body[0], "body", [])),
    ("trystar_empty_body", "try: pass\nexcept* E: pass", lambda t: setattr(t.body[0], "body", [])),
    ("excepthandler_empty_body", "try: pass\nexcept E: pass", lambda t: setattr(t.body[0].handlers[0], "body", [])),
    ("match_case_empty_body", "match x:\n case 1: pass", lambda t: setattr(t.body[0].cases[0], "body", [])),
    ("match_empty_cases", "match x:\n case 1: pass", lambda t: setattr(t.body[0], "cases", [])),
    ("import_empty_names", "import a", lambda t: setattr(t.body[0], "names", [])),
    ("importfrom_empty_names", "from a import b", lambda t: setattr(t.body[0], "names", [])),
    ("global_empty_names", "global a", lambda t: setattr(t.body[0], "names", [])),
    ("nonlocal_empty_names", "def f():\n nonlocal a", lambda t: setattr(t.body[0].body[0], "names", [])),
    ("assign_empty_targets", "x = 1", lambda t: setattr(t.body[0], "targets", [])),
    ("delete_empty_targets", "del x", lambda t: setattr(t.body[0], "targets", [])),
    # Statement shapes.
    ("try_without_handlers_or_finally", "try: pass\nexcept E: pass", lambda t: setattr(t.body[0], "handlers", [])),
    ("try_orelse_without_handlers", "try: pass\nexcept E: pass\nelse: pass\nfinally: pass", lambda t: setattr(t.body[0], "handlers", [])),
    ("trystar_without_handlers_or_finally", "try: pass\nexcept* E: pass", lambda t: setattr(t.body[0], "handlers", [])),
    ("trystar_orelse_without_handlers", "try: pass\nexcept* E: pass\nelse: pass\nfinally: pass", lambda t: setattr(t.body[0], "handlers", [])),
    ("raise_cause_without_exception", "raise a from b", lambda t: setattr(t.body[0], "exc", None)),
    ("importfrom_negative_level", "from a import b", lambda t: setattr(t.body[0], "level", -1)),
    ("annassign_simple_attribute_target", "x: int", lambda t: setattr(t.body[0], "target", ast.Attribute(value=name("a"), attr="b", ctx=ast.Store()))),
    ("typealias_attribute_name", "type X = int", lambda t: setattr(t.body[0], "name", ast.Attribute(value=name("a"), attr="b", ctx=ast.Store()))),
    # Expression shapes.
    ("boolop_one_value", "a or b", lambda t: t.body[0].value.values.pop()),
    ("dict_more_keys_than_values", "{a: b}", lambda t: t.body[0].value.keys.append(name("c"))),
    ("compare_no_comparators", "a < b", lambda t: (t.body[0].value.ops.clear(), t.body[0].value.comparators.clear())),
    ("compare_more_ops_than_comparators", "a < b", lambda t: t.body[0].value.ops.append(ast.Gt())),
    ("listcomp_no_generators", "[x for x in y]", lambda t: setattr(t.body[0].value, "generators", [])),
    ("dictcomp_no_generators", "{k: v for k, v in y}", lambda t: setattr(t.body[0].value, "generators", [])),
    ("arguments_more_defaults_than_args", "def f(a=1): pass", lambda t: t.body[0].args.defaults.append(ast.Constant(value=2))),
    ("arguments_kw_defaults_length", "def f(*, a): pass", lambda t: t.body[0].args.kw_defaults.append(ast.Constant(value=2))),
    # Patterns.
    ("matchvalue_name", "match x:\n case 1: pass", lambda t: setattr(t.body[0].cases[0].pattern, "value", name("y"))),
    ("matchvalue_none_constant", "match x:\n case 1: pass", lambda t: setattr(t.body[0].cases[0].pattern.value, "value", None)),
    ("matchvalue_tuple_constant", "match x:\n case 1: pass", lambda t: setattr(t.body[0].cases[0].pattern.value, "value", (1, 2))),
    ("matchvalue_negated_name", "match x:\n case -1: pass", lambda t: setattr(t.body[0].cases[0].pattern.value, "operand", name("y"))),
    ("matchvalue_real_plus_real", "match x:\n case 1+2j: pass", lambda t: setattr(t.body[0].cases[0].pattern.value.right, "value", 2)),
    ("matchvalue_real_times_imaginary", "match x:\n case 1+2j: pass", lambda t: setattr(t.body[0].cases[0].pattern.value, "op", ast.Mult())),
    ("matchsingleton_int", "match x:\n case None: pass", lambda t: setattr(t.body[0].cases[0].pattern, "value", 1)),
    ("matchmapping_keys_patterns_mismatch", "match x:\n case {1: y}: pass", lambda t: t.body[0].cases[0].pattern.keys.append(ast.Constant(value=2))),
    ("matchmapping_name_key", "match x:\n case {1: y}: pass", lambda t: t.body[0].cases[0].pattern.keys.__setitem__(0, name("k"))),
    ("matchclass_kwd_mismatch", "match x:\n case C(a=1): pass", lambda t: t.body[0].cases[0].pattern.kwd_attrs.append("b")),
    ("matchclass_call_cls", "match x:\n case C(): pass", lambda t: setattr(t.body[0].cases[0].pattern, "cls", ast.Call(func=name("f"), args=[], keywords=[]))),
    ("matchstar_at_top_level", "match x:\n case [*y]: pass", lambda t: setattr(t.body[0].cases[0], "pattern", t.body[0].cases[0].pattern.patterns[0])),
    ("matchas_pattern_without_name", "match x:\n case 1 as y: pass", lambda t: setattr(t.body[0].cases[0].pattern, "name", None)),
    ("matchor_single_pattern", "match x:\n case 1 | 2: pass", lambda t: t.body[0].cases[0].pattern.patterns.pop()),
    ("match_guard_store", "match x:\n case 1 if y: pass", lambda t: setattr(t.body[0].cases[0].guard, "ctx", ast.Store())),
    # Positions.
    ("stmt_line_range_reversed", "x = 1", lambda t: setp(t.body[0], 2, 0, 1, 5)),
    ("expr_column_range_reversed", "x", lambda t: setp(t.body[0].value, 1, 5, 1, 3)),
    ("expr_negative_lineno", "x", lambda t: setp(t.body[0].value, -1, 0, 2, 1)),
    ("expr_negative_col_offset", "x", lambda t: setp(t.body[0].value, 1, -1, 1, 1)),
    ("arg_column_range_reversed", "def f(a): pass", lambda t: setp(t.body[0].args.args[0], 1, 7, 1, 6)),
    ("excepthandler_line_range_reversed", "try: pass\nexcept E: pass", lambda t: setp(t.body[0].handlers[0], 3, 0, 2, 14)),
    ("pattern_column_range_reversed", "match x:\n case 1: pass", lambda t: setp(t.body[0].cases[0].pattern, 2, 7, 2, 6)),
    ("type_param_line_range_reversed", "def f[T](): pass", lambda t: setp(t.body[0].type_params[0], 2, 6, 1, 7)),
]


# Missing attributes (obj2ast's "required field" errors, met before validation): these trees
# are not passed through fix_missing_locations.
UNFIXED_CASES = [
    ("stmt_missing_lineno", "x = 1", lambda t: delattr(t.body[0], "lineno")),
    ("stmt_missing_col_offset", "x = 1", lambda t: delattr(t.body[0], "col_offset")),
    ("expr_missing_lineno", "x = 1", lambda t: delattr(t.body[0].targets[0], "lineno")),
    ("arg_missing_lineno", "def f(a): pass", lambda t: delattr(t.body[0].args.args[0], "lineno")),
    ("alias_missing_lineno", "import a", lambda t: delattr(t.body[0].names[0], "lineno")),
    ("keyword_missing_col_offset", "f(a=1)", lambda t: delattr(t.body[0].value.keywords[0], "col_offset")),
    ("pattern_missing_lineno", "match x:\n case 1: pass", lambda t: delattr(t.body[0].cases[0].pattern, "lineno")),
    ("end_positions_default_to_start", "x = 1", lambda t: setp(t.body[0], 1, 5, None, 3)),
]


def main():
    seen = set()
    for case_name, src, mutate in UNFIXED_CASES:
        tree = ast.parse(src)
        mutate(tree)
        emit(seen, case_name, tree)
    for case_name, src, mutate in CASES:
        tree = ast.parse(src)
        mutate(tree)
        ast.fix_missing_locations(tree)
        emit(seen, case_name, tree)


def emit(seen, case_name, tree):
    assert case_name not in seen, case_name
    seen.add(case_name)
    dump = ast.dump(tree, include_attributes=True)
    try:
        compile(tree, "<ast>", "exec")
    except (ValueError, TypeError) as e:
        error = f"{type(e).__name__}: {e}"
    else:
        raise SystemExit(f"{case_name}: compile accepted the tree")
    print(f"== {case_name}")
    print(dump)
    print(error)


main()
