//! Port of Parser/Python.asdl and Python/Python-ast.c: the AST nodes, Python constants and `ast.dump`.
