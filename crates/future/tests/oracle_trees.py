"""Oracle side of the future crate's tests: run under oracle/python from the repository root.

Writes crates/future/tests/trees/<n>.dump (the tree of each source below) and <n>.flags (the
module code's co_flags restricted to the future bits CO_FUTURE_BARRY_AS_BDFL | CO_FUTURE_ANNOTATIONS,
in hex).
"""
import ast

SOURCES = [
    '"""Doc."""\nfrom __future__ import annotations, division\nfrom __future__ import barry_as_FLUFL\nimport os\n',
    "from __future__ import nested_scopes, generators, with_statement, print_function\n",
    "from __future__ import unicode_literals, absolute_import, generator_stop\n",
    "import os\nx = 1\n",
    "x = 1\n",
    "from __future__ import annotations\n",
]
FUTURE_BITS = 0x400000 | 0x1000000

for n, src in enumerate(SOURCES):
    base = f"crates/future/tests/trees/{n}"
    with open(base + ".dump", "w") as f:
        f.write(ast.dump(ast.parse(src), include_attributes=True))
    with open(base + ".flags", "w") as f:
        f.write(hex(compile(src, "<f>", "exec").co_flags & FUTURE_BITS) + "\n")
