"""Oracle side of the ast corpus tests: run under oracle/python (CPython 3.14.2).

usage: oracle/python crates/ast/tests/oracle/corpus.py STDLIB_ZIP OUT_DIR

For every .py file of the stdlib zip, writes into OUT_DIR (flattened name `a__b.py`):
  <name>.src         the source bytes
  <name>.dump        ast.dump(ast.parse(src), include_attributes=True)
  <name>.unparse     ast.unparse(ast.parse(src))
  <name>.O1.dump     ast.dump(ast.parse(src, optimize=1), include_attributes=True)
  <name>.O2.dump     ast.dump(ast.parse(src, optimize=2), include_attributes=True)
  <name>.O2.warnings one line per warning raised by ast.parse(src, optimize=2):
                     "<category>:<lineno>:<message>"
A file that does not parse gets <name>.error instead.
"""
import ast
import os
import sys
import warnings
import zipfile


def write(path, text):
    with open(path, "w", encoding="utf-8", errors="surrogatepass") as f:
        f.write(text)


def main(zip_path, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    with zipfile.ZipFile(zip_path) as zf:
        names = sorted(n for n in zf.namelist() if n.endswith(".py"))
        for name in names:
            flat = os.path.join(out_dir, name.replace("/", "__"))
            src = zf.read(name)
            with open(flat + ".src", "wb") as f:
                f.write(src)
            try:
                tree = ast.parse(src)
            except SyntaxError as e:
                write(flat + ".error", f"{type(e).__name__}: {e}\n")
                continue
            write(flat + ".dump", ast.dump(tree, include_attributes=True))
            write(flat + ".unparse", ast.unparse(tree))
            write(flat + ".O1.dump",
                  ast.dump(ast.parse(src, optimize=1), include_attributes=True))
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                tree2 = ast.parse(src, optimize=2)
            write(flat + ".O2.dump", ast.dump(tree2, include_attributes=True))
            write(flat + ".O2.warnings", "".join(
                f"{w.category.__name__}:{w.lineno}:{w.message}\n" for w in caught))
    print(len(names), "files")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
