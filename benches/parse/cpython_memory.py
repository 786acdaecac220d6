"""The memory of CPython's ASTs of the corpus held at once, beside examples/memory.rs.

Run from the repository root: oracle/python benches/parse/cpython_memory.py [CORPUS]
(CORPUS defaults to .cache/tok-corpus, the benchmarks' corpus). Prints the bytes tracemalloc
sees live once every tree is built, and their peak. The oracle is a 32-bit wasm build: a native
64-bit CPython's objects take about twice as much.
"""
import ast
import os
import sys
import tracemalloc

root = sys.argv[1] if len(sys.argv) > 1 else ".cache/tok-corpus"
paths = sorted(
    os.path.join(folder, name)
    for folder, _, names in os.walk(root)
    for name in names
    if name.endswith(".py")
)
sources = []
for path in paths:
    with open(path, "rb") as file:
        sources.append(file.read())
tracemalloc.start()
trees = []
for source in sources:
    try:
        trees.append(ast.parse(source))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        pass
live, peak = tracemalloc.get_traced_memory()
print(f"{len(trees)} trees: {live / 1e6:.1f} MB live, {peak / 1e6:.1f} MB peak (tracemalloc)")
