# Run with oracle/python from the repository root:
#   oracle/python crates/tokenize/tests/data/make_parser_errors.py > crates/tokenize/tests/data/parser_errors.jsonl
# Each case is a source whose SyntaxError the C tokenizer raises itself (not pegen), as
# compile() reports it: the parser's view of the tokenizer's errors.
import json
CASES = [
    'x = 1abc\n', 'x = 1_\n', 'x = 1__0\n', 'x = 1e+\n', 'x = 1e\n', 'x = 0x\n', 'x = 0xg\n', 'x = 0o8\n', 'x = 0o\n',
    'x = 0b2\n', 'x = 0b\n', 'x = 0b102\n', 'x = 0777\n', 'x = 0_7\n', 'x = 00_9\n', 'x = 1.5j_\n', 'x = 0x1g\n',
    'x = 1jx\n', 'x = 1.e5y\n', 'x = 0_\n',
    '€ = 1\n', 'a\u200b = 1\n', 'ab\u00a0c = 1\n', 'x = \x01\n', 'x = \x7f\n', 'x = (\n\x02)\n',
    'x = )\n', 'x = (]\n', 'x = (\n]\n', 'x = {1: [2)}\n', 'x = }\n', 'f(a]\n',
    'x = "abc\n', 'x = "abc\\"\n', "x = '''abc\n\n", 'x = """\nabc', 'y = 1\nx = "abc',
    'tb""', 'bt""', 'ft""', 'ub""', 'ur""', 'uf""', 'Ut""',
    'f"}"', 't"}"', 'f"abc', 't"abc', "f'''abc\n", "t'''\nabc", 'f"{x"', 't"{x"', 'f"{"',
    'f"{x:{y:{z:{w}}}}"', "f'{a:\n}'", "f'{a)}'", 'f"{a!r}}"',
    '(' * 201, 'f"' + '{f"' * 150,
    'if True:\n    x = 1 if y else 2 + 0o19\n',
    'café = 1\nnaïve€ = 2\n', 'x = "\\N{BULLET}" + \u2028\n',
]
for src in CASES:
    try:
        compile(src, '<string>', 'exec')
        raise SystemExit('compiles: %r' % src)
    except SyntaxError as e:
        print(json.dumps({'source': src, 'type': type(e).__name__, 'msg': e.msg, 'lineno': e.lineno,
                          'offset': e.offset, 'end_lineno': e.end_lineno, 'end_offset': e.end_offset,
                          'text': e.text}, ensure_ascii=False))
