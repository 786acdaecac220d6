"""Oracle side of the symtable crate's golden tests: run under oracle/python from the repository
root (CPython 3.14.2).

usage: oracle/python crates/symtable/tests/oracle/trees.py

The golden cases of `golden/symtable/` and the symtable and future cases of `golden/errors/`
are checked through `pyc` once our parser exists; until then (and as a unit test of this
crate) they run on the oracle's trees. For each case this writes
`crates/symtable/tests/trees/<stage>/<case>.dump`, `ast.dump(ast.parse(src),
include_attributes=True)`, for the symtable stage also `<case>.api`: the answers of
`symtable`'s Python API for every table and symbol (format in `api_listing`) and `<case>.repr`
(their `repr`), and for the
errors stage also `<case>.error`: the SyntaxError that
`compile()` raises, as `msg`, `lineno`, `offset`, `end_lineno`, `end_offset` on five lines.
"""
import ast
import os
import symtable
import warnings

OUT = "crates/symtable/tests/trees"


def cases(stage, prefixes):
    directory = os.path.join("golden", stage)
    for name in sorted(os.listdir(directory)):
        if name.endswith(".py") and name.startswith(prefixes):
            yield os.path.join(directory, name), name[:-3]


def parse_without_future_check(src, is_error_case):
    """The tree of `src`. `ast.parse` itself rejects unknown future features (3.14 runs the
    future pass when it builds the tree), so for those the tree is parsed with the module
    renamed to a name of the same length and the name is put back."""
    try:
        return ast.parse(src)
    except SyntaxError:
        if not is_error_case:
            return None
    try:
        tree = ast.parse(src.replace(b"from __future__ ", b"from __futureX_ "))
    except SyntaxError:
        return None
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "__futureX_":
            node.module = "__future__"
    return tree


def flag(value):
    return "1" if value else "0"


def api_listing(table, out, level=0):
    """One line per table and per symbol, with every query of the symtable API."""
    indent = "  " * level
    out.append(
        f"{indent}table {table.get_type().value} {table.get_name()} "
        f"lineno={table.get_lineno()} optimized={flag(table.is_optimized())} "
        f"nested={flag(table.is_nested())} children={flag(table.has_children())}"
    )
    if isinstance(table, symtable.Function):
        out.append(
            f"{indent}  params={list(table.get_parameters())} "
            f"locals={list(table.get_locals())} globals={list(table.get_globals())} "
            f"nonlocals={list(table.get_nonlocals())} frees={list(table.get_frees())}"
        )
    if isinstance(table, symtable.Class):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            out.append(f"{indent}  methods={list(table.get_methods())}")
    for name in table.get_identifiers():
        s = table.lookup(name)
        queries = [
            s.is_referenced(), s.is_imported(), s.is_parameter(), s.is_type_parameter(),
            s.is_global(), s.is_nonlocal(), s.is_declared_global(), s.is_local(),
            s.is_annotated(), s.is_free(), s.is_free_class(), s.is_assigned(),
            s.is_comp_iter(), s.is_comp_cell(), s.is_namespace(),
        ]
        spaces = [t.get_name() for t in s.get_namespaces()]
        out.append(f"{indent}  symbol {name} {''.join(map(flag, queries))} {spaces}")
    for child in table.get_children():
        api_listing(child, out, level + 1)


def repr_listing(table, out):
    """repr() of every table and symbol, depth first."""
    out.append(repr(table))
    for symbol in table.get_symbols():
        out.append(repr(symbol))
    for child in table.get_children():
        repr_listing(child, out)


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    for stage, prefixes in (("symtable", ("",)), ("errors", ("symtable_", "future_"))):
        os.makedirs(os.path.join(OUT, stage), exist_ok=True)
        for path, case in cases(stage, prefixes):
            with open(path, "rb") as f:
                src = f.read()
            tree = parse_without_future_check(src, stage == "errors")
            if tree is None:
                continue  # rejected by the parser: not the symbol table's error
            base = os.path.join(OUT, stage, case)
            write(base + ".dump", ast.dump(tree, include_attributes=True))
            if stage == "symtable":
                lines = []
                top = symtable.symtable(src, path, "exec")
                api_listing(top, lines)
                write(base + ".api", "".join(line + "\n" for line in lines))
                reprs = []
                repr_listing(top, reprs)
                write(base + ".repr", "".join(line + "\n" for line in reprs))
            if stage == "errors":
                try:
                    compile(src, path, "exec")
                    error = "no error\n"
                except SyntaxError as e:
                    fields = (e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
                    error = "".join(f"{field}\n" for field in fields)
                write(base + ".error", error)


TOP_LEVEL_AWAIT = [
    "await x\n",
    "async for a in b:\n    pass\n",
    "async with a as b:\n    pass\n",
    "[x async for x in y]\n",
    "[await x for x in y]\n",
    "(x async for x in y)\n",
    "x = 1\n",
    "def f():\n    await x\n",
    "class C:\n    await x\n",
    "f = lambda: await x\n",
]


def compile_outcome(src, flags):
    """`ok <CO_COROUTINE set>` or the SyntaxError's fields on one line."""
    try:
        code = compile(src, "<tla>", "exec", flags=flags)
        return f"ok {flag(code.co_flags & 0x80)}"
    except SyntaxError as e:
        return f"error {e.msg}|{e.lineno}|{e.offset}|{e.end_lineno}|{e.end_offset}"


def top_level_await_cases():
    """`top_level_await/<n>.dump` and `<n>.outcome`: compile() without, then with,
    PyCF_ALLOW_TOP_LEVEL_AWAIT."""
    directory = os.path.join(OUT, "top_level_await")
    os.makedirs(directory, exist_ok=True)
    for n, src in enumerate(TOP_LEVEL_AWAIT):
        base = os.path.join(directory, str(n))
        write(base + ".dump", ast.dump(ast.parse(src), include_attributes=True))
        outcomes = [compile_outcome(src, 0), compile_outcome(src, ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)]
        write(base + ".outcome", "".join(o + "\n" for o in outcomes))


main()
top_level_await_cases()
