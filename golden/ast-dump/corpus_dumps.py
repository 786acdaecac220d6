"""Oracle side of the dump round trip over the stdlib corpus (crates/ast/tests/dump_corpus.rs).

usage: oracle/python golden/ast-dump/corpus_dumps.py STDLIB_ZIP OUT_DIR

For every .py file of the stdlib zip that parses, writes into OUT_DIR (flattened name `a__b.py`):
  <name>.a.dump    ast.dump(tree, include_attributes=True)            (what read_dump reads)
  <name>.a3.dump   ast.dump(tree, include_attributes=True, indent=3)
  <name>.dump      ast.dump(tree)
  <name>.e3.dump   ast.dump(tree, indent=3, show_empty=True)
The data is large (about 400 MB) and is not committed.
"""
import ast
import os
import sys
import zipfile


def write(path, text):
    with open(path, "w", encoding="utf-8", errors="surrogatepass") as f:
        f.write(text)


def main(zip_path, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    parsed = 0
    with zipfile.ZipFile(zip_path) as zf:
        names = sorted(n for n in zf.namelist() if n.endswith(".py"))
        for name in names:
            flat = os.path.join(out_dir, name.replace("/", "__"))
            try:
                tree = ast.parse(zf.read(name))
            except SyntaxError:
                continue
            parsed += 1
            write(flat + ".a.dump", ast.dump(tree, include_attributes=True))
            write(flat + ".a3.dump", ast.dump(tree, include_attributes=True, indent=3))
            write(flat + ".dump", ast.dump(tree))
            write(flat + ".e3.dump", ast.dump(tree, indent=3, show_empty=True))
    print(f"{parsed} of {len(names)} files parsed")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
