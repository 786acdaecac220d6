"""The oracle side of crates/ast/examples/asyncify.rs: the same rewrite with ast.NodeTransformer.

usage (from the repository root):
    oracle/python crates/ast/examples/asyncify_data/asyncify.py crates/ast/examples/asyncify_data

Reads input.py and writes input.dump (the parsed tree), expected.py (what the example prints)
and expected.dump (the rewritten tree with positions).

The rewrite: `time.sleep(x)` (also through `import time as t`, `from time import sleep` and
`from time import sleep as s`) becomes `await asyncio.sleep(x)`; `asyncio.run(f())` (with one
argument and no keywords, through any name `asyncio` is imported as) becomes `await f()`; a
function whose own body now awaits becomes `async def`; `import asyncio` is added once, after
the docstring and `__future__` imports, unless the module already has it. New nodes take the
position of the node they replace; the added import gets fix_missing_locations' defaults.
"""
import ast
import os
import sys


class Bindings(ast.NodeVisitor):
    def __init__(self):
        self.time_modules = set()
        self.sleep_functions = set()
        self.asyncio_modules = set()
        self.imports_asyncio = False

    def visit_Import(self, node):
        for alias in node.names:
            bound = alias.asname or alias.name
            if alias.name == "time":
                self.time_modules.add(bound)
            if alias.name == "asyncio":
                self.asyncio_modules.add(bound)
                if alias.asname is None:
                    self.imports_asyncio = True

    def visit_ImportFrom(self, node):
        if node.module == "time" and node.level == 0:
            for alias in node.names:
                if alias.name == "sleep":
                    self.sleep_functions.add(alias.asname or alias.name)


def awaits(nodes):
    """Whether the statements await, outside nested functions, classes and lambdas."""
    for node in nodes:
        if isinstance(node, ast.Await):
            return True
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        if awaits(ast.iter_child_nodes(node)):
            return True
    return False


class Asyncify(ast.NodeTransformer):
    def __init__(self, bindings):
        self.bindings = bindings
        self.rewrote_sleep = False

    def is_sleep(self, func):
        if isinstance(func, ast.Name):
            return func.id in self.bindings.sleep_functions
        return (isinstance(func, ast.Attribute) and func.attr == "sleep"
                and isinstance(func.value, ast.Name)
                and func.value.id in self.bindings.time_modules)

    def is_asyncio_run(self, node):
        func = node.func
        return (isinstance(func, ast.Attribute) and func.attr == "run"
                and isinstance(func.value, ast.Name)
                and func.value.id in self.bindings.asyncio_modules
                and len(node.args) == 1 and not node.keywords)

    def visit_Call(self, node):
        self.generic_visit(node)
        if self.is_sleep(node.func):
            self.rewrote_sleep = True
            module = ast.copy_location(ast.Name(id="asyncio", ctx=ast.Load()), node.func)
            func = ast.copy_location(ast.Attribute(value=module, attr="sleep", ctx=ast.Load()), node.func)
            call = ast.copy_location(ast.Call(func=func, args=node.args, keywords=node.keywords), node)
            return ast.copy_location(ast.Await(value=call), node)
        if self.is_asyncio_run(node):
            return ast.copy_location(ast.Await(value=node.args[0]), node)
        return node

    def visit_FunctionDef(self, node):
        self.generic_visit(node)
        if not awaits(node.body):
            return node
        fields = {name: getattr(node, name) for name in node._fields}
        return ast.copy_location(ast.AsyncFunctionDef(**fields), node)


def import_position(body):
    """After the docstring and the `from __future__` imports."""
    index = 0
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
            and isinstance(body[0].value.value, str):
        index = 1
    while index < len(body) and isinstance(body[index], ast.ImportFrom) \
            and body[index].module == "__future__":
        index += 1
    return index


def asyncify(tree):
    bindings = Bindings()
    bindings.visit(tree)
    transformer = Asyncify(bindings)
    tree = transformer.visit(tree)
    if transformer.rewrote_sleep and not bindings.imports_asyncio:
        tree.body.insert(import_position(tree.body), ast.Import(names=[ast.alias(name="asyncio")]))
    return ast.fix_missing_locations(tree)


def main(directory):
    with open(os.path.join(directory, "input.py")) as f:
        source = f.read()
    tree = ast.parse(source)
    with open(os.path.join(directory, "input.dump"), "w") as f:
        f.write(ast.dump(tree, include_attributes=True) + "\n")
    tree = asyncify(tree)
    with open(os.path.join(directory, "expected.py"), "w") as f:
        f.write(ast.unparse(tree) + "\n")
    with open(os.path.join(directory, "expected.dump"), "w") as f:
        f.write(ast.dump(tree, include_attributes=True) + "\n")


main(sys.argv[1])
