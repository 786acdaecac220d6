"""Oracle side of the symtable corpus comparison: run under oracle/python (CPython 3.14.2).

usage: oracle/python crates/symtable/tests/oracle/corpus.py (STDLIB_ZIP | DIR) OUT_DIR

Extracts every .py file of the stdlib zip (or of DIR, recursively) under OUT_DIR/src/ (keeping its path) and, with
OUT_DIR/src as the current directory, writes beside each file:
  <path>.dump      ast.dump(ast.parse(src), include_attributes=True)
  <path>.symtable  what `python -m symtable <path>` prints
  <path>.error     "<type>: <message>" when either raises
"""
import ast
import contextlib
import io
import os
import sys
import symtable
import zipfile


def write(path, text):
    with open(path, "w", encoding="utf-8", errors="surrogatepass") as f:
        f.write(text)


def read_inputs(source):
    """{relative path: bytes} of the .py files of a zip or a directory."""
    if os.path.isdir(source):
        files = {}
        for dirpath, _, filenames in os.walk(source):
            for filename in filenames:
                if filename.endswith(".py"):
                    path = os.path.join(dirpath, filename)
                    with open(path, "rb") as f:
                        files[os.path.relpath(path, source)] = f.read()
        return files
    with zipfile.ZipFile(source) as zf:
        return {n: zf.read(n) for n in zf.namelist() if n.endswith(".py")}


def main(zip_path, out_dir):
    root = os.path.join(os.path.abspath(out_dir), "src")
    files = read_inputs(zip_path)
    names = sorted(files)
    for name in names:
        path = os.path.join(root, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(files[name])
    os.chdir(root)
    for name in names:
        with open(name, "rb") as f:
            src = f.read()
        try:
            write(name + ".dump", ast.dump(ast.parse(src), include_attributes=True))
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                symtable.main([name])
            write(name + ".symtable", out.getvalue())
        except Exception as e:
            write(name + ".error", f"{type(e).__name__}: {e}\n")
    print(len(names), "files")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
