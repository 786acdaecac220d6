"""Collects every distinct literal of a Python corpus (STRING, NUMBER, whole f-strings and
t-strings, and runs of adjacent strings) with what CPython 3.14.2 makes of it, in the format of
tests/data/literals.txt, for the ignored test `corpus_literals_decode_like_cpython`.

Run from the repository root:
  oracle/python crates/parser/tests/oracle/gen_corpus_literals.py CORPUS.zip|DIR OUT.txt
then:  PYC_LITERAL_CORPUS=OUT.txt cargo test -p pyc-parser --test literals -- --ignored
"""
import io
import os
import sys
import tokenize
import zipfile

sys.path.insert(0, os.path.dirname(__file__))
from gen_literals import run  # noqa: E402


def sources(corpus):
    if os.path.isdir(corpus):
        for root, _, files in os.walk(corpus):
            for name in sorted(files):
                if name.endswith(".py"):
                    with open(os.path.join(root, name), "rb") as f:
                        yield f.read()
        return
    with zipfile.ZipFile(corpus) as z:
        for name in sorted(z.namelist()):
            if name.endswith(".py"):
                yield z.read(name)


def literals(data):
    """The literal spans of one file: single tokens, f/t-strings, and adjacent-string runs."""
    try:
        tokens = list(tokenize.tokenize(io.BytesIO(data).readline))
    except (tokenize.TokenError, SyntaxError):
        return
    # Lines as the tokenizer counts them (str.splitlines would also split at \f, \x1c, ...).
    text = data.decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "\n")
    text_lines = [line + "\n" for line in text.split("\n")]

    def span(first, last):
        # tokenize's columns count characters.
        (sl, sc), (el, ec) = first.start, last.end
        if sl == el:
            return text_lines[sl - 1][sc:ec]
        parts = [text_lines[sl - 1][sc:]] + text_lines[sl:el - 1] + [text_lines[el - 1][:ec]]
        return "".join(parts)

    depth = 0
    start = None
    run_first = run_last = None
    for tok in tokens:
        if tok.type in (tokenize.FSTRING_START, tokenize.TSTRING_START):
            if depth == 0:
                start = tok
            depth += 1
            continue
        if tok.type in (tokenize.FSTRING_END, tokenize.TSTRING_END):
            depth -= 1
            if depth == 0:
                yield span(start, tok)
                run_last = tok
                run_first = run_first or start
            continue
        if depth:
            continue
        if tok.type == tokenize.NUMBER:
            yield tok.string
        if tok.type == tokenize.STRING:
            yield tok.string
            run_first = run_first or tok
            run_last = tok
            continue
        if tok.type in (tokenize.NL, tokenize.COMMENT) and run_first is not None:
            continue
        if run_first is not None and run_last is not None and run_first is not run_last:
            joined = span(run_first, run_last)
            if "\n" not in joined:
                yield joined
        run_first = run_last = None


def main():
    corpus, out_path = sys.argv[1], sys.argv[2]
    seen = set()
    out = []
    for data in sources(corpus):
        for literal in literals(data):
            if literal in seen:
                continue
            seen.add(literal)
            out.extend(run(literal))
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print(len(seen), "literals")


main()
