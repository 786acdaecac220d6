# Writes cases.json: SyntaxError field combinations and what CPython 3.14's traceback and
# py_compile print for them. Run with `oracle/python golden/syntax-error-display/make_cases.py`.
import json, os, traceback, py_compile

texts = [
    None, "", "x = (1,\n", "    if x\n", "\tif x:\n", "  \t  y = 1 +\n", "\x0c\x0cz = 1\n",
    "print 'hi'\n", "def f(x):\n", "a = '€€€' +\n", "x = 'ünïcode' $\n", "no newline",
    "  \n", "\n", "   trailing spaces   \n", "a\tb\tc = )\n", "f(a for a in b, c)\n",
    "x = 1\ny = 2\n", "中文字符 = 1 +\n", "\u3000x = 1\n",
]
offsets = [None, 0, 1, 2, 5, 9, 30, -3]
end_offsets = [None, 0, 1, 3, 7, 12, 40]
line_pairs = [(None, None), (1, 1), (3, 3), (2, 4), (5, None)]
types = [SyntaxError, IndentationError, TabError]
filenames = ["mod.py", "/abs/dir/pkg/mod.py", "<string>", ""]

cases = []
i = 0
for text in texts:
    for offset in offsets:
        for end_offset in end_offsets:
            for lineno, end_lineno in line_pairs:
                i += 1
                # Keep the table a few hundred rows: a deterministic spread of combinations.
                if i % 7:
                    continue
                etype = types[i % 3]
                filename = filenames[i % 4]
                msg = ["invalid syntax", "expected ':'", "", "unexpected indent"][(i // 7) % 4]
                exc = etype(msg, (filename, lineno, offset, text, end_lineno, end_offset))
                shown = "".join(traceback.format_exception_only(etype, exc))
                file_arg = "given/path.py"
                compile_msg = py_compile.PyCompileError(etype, exc, file_arg).msg
                cases.append(dict(type=etype.__name__, msg=msg, filename=filename, lineno=lineno,
                                  offset=offset, end_lineno=end_lineno, end_offset=end_offset,
                                  text=text, file_arg=file_arg, traceback=shown,
                                  py_compile=compile_msg, str=str(exc)))

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases.json")
with open(out, "w") as f:
    json.dump(cases, f, indent=0, ensure_ascii=True)
print(len(cases), "cases")
