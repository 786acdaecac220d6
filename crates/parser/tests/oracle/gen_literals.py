"""Writes crates/parser/tests/data/literals.txt: how CPython 3.14.2 parses a few hundred literal
expressions (strings, bytes, f-strings, t-strings, numbers), for crates/parser/tests/literals.rs.

Run from the repository root:  oracle/python crates/parser/tests/oracle/gen_literals.py

Each case is one source line (a single expression statement), then what the oracle reports:
  `case <source as UTF-8 hex>`
  `ast <ast.dump(expr, include_attributes=True)>`          on success
  `error <class> <lineno> <offset> <end_lineno> <end_offset> <msg>`   on failure
  `warn <category> <lineno> <message>`                      for each warning
  `werror <class> <lineno> <offset> <end_lineno> <end_offset> <msg>`  the error under -W error,
                                                            when there were warnings
"""
import ast
import warnings

ESCAPES = [
    r"'\\'", r"'\''", r"'\"'", r"'\a\b\f\n\r\t\v'", r"'a\
b'", "'''a\\\nb'''", r"'\0'", r"'\7'", r"'\01'", r"'\012'", r"'\123'", r"'\377'", r"'\400'",
    r"'\777'", r"'\1234'", r"'\8'", r"'\9'", r"'\x41'", r"'\x4a\x4A'", r"'\u0041'", r"'\u00e9'",
    r"'\U0001F600'", r"'\U00010FFFF'", r"'\ud800'", r"'\udc00\ud800'", r"'\N{DIGIT ONE}'",
    r"'\N{LATIN SMALL LETTER E WITH ACUTE}'", r"'\N{latin small letter e with acute}'",
    r"'\N{NULL}'", r"'\N{BOM}'", r"'\N{LATIN CAPITAL LETTER GHA}'", r"'\N{HANGUL SYLLABLE GAG}'",
    r"'\N{CJK UNIFIED IDEOGRAPH-4E00}'", r"'\N{CJK UNIFIED IDEOGRAPH-2EBF0}'",
    r"'\N{EM DASH}\N{EN DASH}'", r"'\N{SPACE}x'", r"'\d'", r"'\w\s'", r"'\ '", r"'\{'",
    r"'\é'", r"'é\d'", r"'é\x41'", r"'日本\n語'", r"'\q\777'", r"'\777\q'",
    r"'\x1'", r"'\x'", r"'\xg0'", r"'\u12'", r"'\u123g'", r"'\U1234'", r"'\U00110000'",
    r"'\UFFFFFFFF'", r"'\N'", r"'\N{}'", r"'\Nab'", r"'\N{abc'", r"'\N{foo}'",
    r"'\N{DIGIT  ONE}'", r"'\N{LATIN CAPITAL LETTER A WITH MACRON AND GRAVE}'",
    r"'é\x1'", r"'ab\N{x}'", r"'\N{DIGIT ONE}\x1'", r"'\N{EM}\N{SUNDANESE LETTER ARCHAIC I}'",
    r"'\N{MENDE KIKAKUI SYLLABLE M172 MBO}\N{mende kikakui syllable m172 mboo}'",
    r"b'\\'", r"b'\''", r"b'\a\b\f\n\r\t\v'", r"b'\0\7\01\012\123\377'", r"b'\400'", r"b'\477'",
    r"b'\x41\x4a\x4A'", r"b'\d'", r"b'\u0041'", r"b'\N{DIGIT ONE}'", r"b'\8'", r"b'\x1'",
    r"b'\xzz'", r"b'ab\x'", r"b'é'", r"b'a\
b'", "b'''\\\n'''", r"b'\d\x1'",
    r"r'\d'", r"r'\n\x1'", r"r'\N{foo}'", r"rb'\x1'", r"br'\d'", r"rb'é'",
    "'''\n\\d'''", "'''a\n\nb\\w'''", "'''\\d\n'''", "'''é\n\\d'''",
    "'é\\d'", "'\\x41\\d'", "'''\\d\n\\w'''", "b'''\n\\d'''", "'''ab\nc\\400'''",
    "f'''a\n{x}\\d'''", "f'''{x}\n\\d{y}\n'''", "f'{x}' f'\\d'", "f'\\d' '\\w'",
]

PREFIXES = []
for prefix in ["", "u", "U", "r", "R", "b", "B", "br", "bR", "Br", "BR", "rb", "rB", "Rb", "RB",
               "f", "F", "rf", "fr", "Rf", "fR", "RF", "FR", "t", "T", "rt", "tr", "Rt", "tR", "RT"]:
    for body in ["'a'", '"a"', "'''a'''", '"""a"""', "''", '""', "''''''", "'\\n'"]:
        PREFIXES.append(prefix + body)

CONCAT = [
    "'a' 'b'", "u'a' 'b'", "'a' u'b'", "U'a' 'b'", "'a' 'b' 'c'", "'' ''", "'a' ''", "b'a' b'b'",
    "b'' b''", "'a' b'b'", "b'a' 'b'", "b'a' f'b'", "f'a' b'b'", "f'a' 'b'", "'a' f'b'",
    "'a' f'b' 'c'", "f'{x}' 'a'", "'a' f'{x}'", "f'{x}' ''", "'' f'{x}'", "f'' ''", "'' f''",
    "f'' f''", "u'a' f'b'", "f'a' u'b'", "u'' f'{x}'", "u'a' f'{x}'", "f'a{x}b' 'c' f'd{y}'",
    "f'{x}' f'{y}'", "f'{x=}' 'a'", "'a' f'{x=}'", "t'a' t'b'", "t'' t''", "t'{x}' t'{y}'",
    "t'a' t'{x}' t'b'", "'a'\\\n'b'", "'a'  'b'", "rb'\\d' b'x'", "'\\d' '\\w'",
    "'a' r'\\d' '\\w'", "'\\d' f'\\w{x}'", "f'{x}' '\\d'",
]

FSTRINGS = [
    "f'{x}'", "f'a{x}b'", "f'{x}{y}'", "f'{ x }'", "f'{x!r}'", "f'{x!s}'", "f'{x!a}'",
    "f'{x:>10}'", "f'{x:{y}}'", "f'{x:>{y}}'", "f'{x:{y}>}'", "f'{x:a{y}b{z}c}'", "f'{x!r:>10}'",
    "f'{x!s:>{y}}'", "f'{x:}'", "f'{x!r:}'", "f'{x=}'", "f'{x = }'", "f'{ x=}'", "f'{x=!r}'",
    "f'{x=!s}'", "f'{x=:>10}'", "f'{x=!r:^20}'", "f'{x=:}'", "f'{x=:{y}}'", "f'{x:{y=}}'",
    "f'{x:{y!r}}'", "f'{x:{y:{z}}}'", "f'{x:{y=:>{z}}}'", "f'{{}}'", "f'a{{b'", "f'a}}b'",
    "f'{{{x}}}'", "f'{{x}}'", "f'\\n{x}'", "f'\\d{x}'", "f'{x}\\d'", "f'\\N{DIGIT ONE}{x}'",
    "f'{x:\\N{DIGIT ONE}}'", "f'{x:\\n}'", "rf'{x:\\n}'", "rf'\\d{x}'", "fr'\\n{x}'",
    "f'{x:\\d}'", "f'é{x}ü'", "f'{x}é'", "f'é{x:é}'", "f'\\x41{x}\\u00e9'", "f'{x!r}{y=}'",
    "f'{f\"{x}\"}'", "f'{f\"{x=}\"=}'", "f'''{x}\n{y}'''", "f'''a\n{x}\nb'''", "f'''{x\n}'''",
    "f'''{x:\n}'''", "f'''\n\\d{x}'''", "f'''a\nb\\d{x}'''", "f'{x!z}'", "f'{x!rr}'", "f'{x! r}'",
    "f'{x!é}'", "f'\\x1{x}'", "f'{x}\\N{foo}'", "f'{x:\\x1}'", "f'{1}'", "f'{1.5:>5}'",
    "f'{\"a\" \"b\"}'", "f'{b\"a\"}'", "f'{u\"a\"}'", "F'{x}'", "f\"{x}\"", "f'''{x}'''",
    "f'{x=!r:{y}}'", "f'{x}' f'{y=}' 'z'",
    "t'{x}'", "t'a{x}b'", "t'{ x }'", "t'{x!r}'", "t'{ x !r}'", "t'{x:>10}'", "t'{x:{y}}'",
    "t'{x:{y!r:{z}}}'", "t'{x=}'", "t'{ x = }'", "t'{ x = !r}'", "t'{ x = :>5}'", "t'{x=!r:>{y}}'",
    "t'{x:}'", "t'{x\t}'", "t'{x # c\n}'", "t'''{x # c\n= }'''", "f'''{x # c\n= }'''",
    "t'''{x\n+\ny}'''", "t'''{x\n+\ny=}'''", "f'''{x\n+\ny=}'''", "t'{x!z}'", "t'{x! r}'",
    "t''", "t'\\d{x}'", "rt'\\d{x}'", "t'{x:\\d}'", "T'{x}'", "t'{x=}' t'{y}'", "t'{1}'",
    "t'{x:{y=}}'", "t'{x}{y}'", "t'{{}}{x}'", "t'{\"a#b\"=}'", "f'{\"a#b\"=}'",
    "t'''{x # a'b\n}'''",
    "f'{'a'}'", "f'{x:{'>'}10}'", "f'{f'{f'{x}'}'}'", "f'\\N{LEFT CURLY BRACKET}{x}'",
    "f'{x!r:{y}{z}}'", "t'{x:{y}{z}}'", "f'{x}{{'", "f'}}{x}'", "t'{x}}}'", "rf'{{\\d}}'",
    "f'''{x:\n>{y}}'''", "f'{x:{y}\\n}'", "f'{x=}{y=}'", "t'{x=}{y=}'",
    "t'a\\{{b'", "f'a\\{{b'", "t'a\\}}b'", "f'a\\}}b'", "f'\\{x}'", "t'\\{x}'",
]

NUMBERS = [
    "0", "00", "000", "7", "10", "1_000", "1_000_000", "0x0", "0xff", "0XfF", "0x_f", "0o17",
    "0O17", "0o_7", "0b101", "0B1_0_1", "2147483647", "2147483648", "4294967295", "4294967296",
    "9223372036854775807", "9223372036854775808", "18446744073709551616",
    "123456789012345678901234567890", "0xffffffffffffffffffffffffffffffff", "0." , ".5", "1.",
    "1.5", "1e5", "1E5", "1e+5", "1e-5", "1.e3", ".5e3", "1_0.0_1e1_0", "1e500", "1E-400",
    "4.9e-324", "2.4703282292062328e-324", "2.4703282292062329e-324", "1.7976931348623157e308",
    "1.7976931348623159e308", "0.1", "0.3", "3.141592653589793238462643383279",
    "9007199254740993", "9007199254740993.0", "1j", "1J", "0j", "1.5j", "1e5j", "1_0.0_1e1_0J",
    ".5j", "1.j", "1e500j", "00j", "0e0", "0.0", "0_0", "1" + "0" * 4299, "1" + "0" * 4300,
    "1_" * 4300 + "1", "0x" + "f" * 1000, "0" * 5000,
]


def run(source):
    lines = ["case " + source.encode("utf-8").hex()]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            tree = ast.parse(source)
            expr = tree.body[0].value
            lines.append("ast " + ast.dump(expr, include_attributes=True))
        except SyntaxError as e:
            lines.append("error %s %s %s %s %s %s" % (type(e).__name__, e.lineno, e.offset,
                                                        e.end_lineno, e.end_offset, e.msg))
        except Exception as e:
            lines.append("error %s - - - - %s" % (type(e).__name__, e))
    for w in caught:
        lines.append("warn %s %s %s" % (w.category.__name__, w.lineno, w.message))
    if caught:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            try:
                ast.parse(source)
                lines.append("werror none")
            except SyntaxError as e:
                lines.append("werror %s %s %s %s %s %s" % (type(e).__name__, e.lineno, e.offset,
                                                             e.end_lineno, e.end_offset, e.msg))
    return lines


def main():
    out = []
    for source in ESCAPES + PREFIXES + CONCAT + FSTRINGS + NUMBERS:
        out.extend(run(source))
    with open("crates/parser/tests/data/literals.txt", "w", encoding="utf-8") as f:
        f.write("# @generated by crates/parser/tests/oracle/gen_literals.py under oracle/python; do not edit\n")
        f.write("\n".join(out) + "\n")
    print(sum(1 for line in out if line.startswith("case ")), "cases")


if __name__ == "__main__":
    main()
