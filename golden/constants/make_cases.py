"""Writes golden/constants/cases.txt: constant values and the repr CPython 3.14 gives them.

Run under the oracle: oracle/python golden/constants/make_cases.py

Each line is `BUILD<TAB>EXPECTED`. BUILD is a prefix notation the Rust test reads:
`none`, `true`, `false`, `ellipsis`, `int:[-]HEX`, `float:BITS`, `complex:BITS:BITS`
(BITS: 16 hex digits of the IEEE double), `str:CP,CP,...` (hex code points),
`bytes:HEX`, and `tuple:N` / `frozenset:N` followed by N items (frozenset items in the order
the frozenset iterates). EXPECTED is repr(value), or `!Type: message` when repr raises.
A repr never holds a tab or a newline (both are escaped), so the format needs no quoting.
"""

import random
import struct
import sys

OUT = "golden/constants/cases.txt"
PRINTABLE = "golden/constants/printable.txt"

rng = random.Random(314)


def float_bits(x):
    return struct.pack(">d", x).hex()


def build(value):
    if value is None:
        return "none"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is Ellipsis:
        return "ellipsis"
    if type(value) is int:
        return "int:%s%x" % ("-" if value < 0 else "", abs(value))
    if type(value) is float:
        return "float:" + float_bits(value)
    if type(value) is complex:
        return "complex:%s:%s" % (float_bits(value.real), float_bits(value.imag))
    if type(value) is str:
        return "str:" + ",".join("%x" % ord(c) for c in value)
    if type(value) is bytes:
        return "bytes:" + value.hex()
    if type(value) is tuple:
        return " ".join(["tuple:%d" % len(value)] + [build(v) for v in value])
    if type(value) is frozenset:
        return " ".join(["frozenset:%d" % len(value)] + [build(v) for v in value])
    raise TypeError(type(value))


def expected(value):
    try:
        return repr(value)
    except Exception as exc:
        return "!%s: %s" % (type(exc).__name__, exc)


def singletons():
    return [None, True, False, Ellipsis]


def ints():
    values = [0, 1, -1, 7, -7, 10, 255, 256, 2**31 - 1, 2**31, -2**31, 2**32,
              2**63 - 1, 2**63, -2**63, -2**63 - 1, 2**64 - 1, 2**64, -2**64, 2**100,
              10**18, 10**19, 10**20, 10**100, -10**100, 2**1000, -(3**500),
              10**4299, 10**4300 - 1, -(10**4300 - 1), 10**4300, -(10**4300),
              2**14299, 2**14300, 2**20000, -(2**20000)]
    values += [rng.getrandbits(rng.choice([8, 40, 63, 64, 65, 130, 700])) * rng.choice([1, -1])
               for _ in range(30)]
    return values


def floats():
    nan = float("nan")
    inf = float("inf")
    named = [0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.1 + 0.2, 0.3, 1 / 3, 2 / 3, 100.0, 1e15, 1e16,
             1e17, 9999999999999998.0, 1e16 - 2, 123456789012345678.0, 1.5e16, 1e15 + 0.3,
             0.0001, 0.00001, 0.00011, 1.5e-5, 1e-4 * 3, 1e-4, 1e-5, 1e-7, 1e22, 1e23, 1e-22,
             1.7976931348623157e308, -1.7976931348623157e308, 2.2250738585072014e-308,
             2.225073858507201e-308, 5e-324, -5e-324, 1e-323, 4.9406564584124654e-324,
             inf, -inf, nan, -nan, 3.141592653589793, 2.718281828459045, 9007199254740992.0,
             9007199254740993.0, 4.35, 0.5, 0.25, 1e100, 1e-100, 1e300, 1e-300, 123.456,
             5e-05, 5e-06, 0.000123, 1234567890123456.7, 12345678901234567.0, 1e308, 2.0**-1074,
             2.0**-1022, 2.0**1023, 2.0**53, 2.0**53 + 2, 0.7, 1.1, 2.675, 1e+16 + 2]
    randoms = [struct.unpack(">d", struct.pack(">Q", rng.getrandbits(64)))[0] for _ in range(300)]
    nice = [round(rng.uniform(-1e6, 1e6), rng.randrange(0, 8)) for _ in range(100)]
    scaled = [rng.random() * 10.0 ** rng.randrange(-30, 30) for _ in range(200)]
    # Exact halves at the last shortest digit: dtoa rounds these ties to even.
    ties = [1e15 + k / 8 for k in range(16)] + [2.0**50 + k / 4 for k in range(8)]
    ties += [2.0**-24, 2.0**-24 * 3, 176141258894139.125, 0.5 + 2.0**-30, 1.5 * 2.0**-1074 * 2**60]
    return named + randoms + nice + scaled + ties


def complexes():
    nan = float("nan")
    inf = float("inf")
    parts = [0.0, -0.0, 1.0, -1.0, 2.5, 1e16, 1e-5, inf, -inf, nan, -nan, 1e300, 5e-324, 0.1]
    values = [complex(r, i) for r in parts for i in parts]
    values += [1j, -1j, 1 + 2j, 3 - 4j, 1e16 + 1j]
    return values


def printable_boundaries():
    """Code points on both sides of every printable/non-printable boundary."""
    points = set()
    with open(PRINTABLE) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            first, last = (int(x, 16) for x in line.strip().split(".."))
            for cp in (first - 1, first, last, last + 1):
                if 0 <= cp <= sys.maxunicode:
                    points.add(cp)
    return sorted(points)


def strings():
    values = ["", "a", "abc", "'", '"', "'\"", "\"'", "it's", 'say "hi"', "it's \"x\"",
              "\\", "\\'", "'\\\"", "\t\n\r", "\x00\x01\x1f\x7f", "\x80\x9f\xa0\xad\xff",
              "\u0100", "\u0300", "a\u0301", "\u200b", "\u200d", "\u2028", "\u2029", "\ufeff",
              "\ue000", "\uf8ff", "\U000f0000", "\U0010fffd", "\U0010ffff", "\ufffe", "\uffff",
              "\u0378", "\U0001f600", "\U0001f468\u200d\U0001f469", "\u4e2d\u6587", "\u3000",
              "\U00020000", "\U0003134a", "\U000e0001", "\U000e0100", "\u00a0", "\u1680",
              "\ud800", "\udfff", "\udc80", "\ud83d\ude00", "a\ud800b", "\ud800\U0001f600",
              "caf\u00e9", "\u0627\u0644", "\u05d0", "\u0e01", "\u1100", "\uac00", "\u2603",
              "\x1b[0m", "line1\nline2", "tab\there", "\\x41", "\\u0041", "'''", '"""',
              "\U0001fae9", "\U0001fbff", "\u0890", "\u1a1b", "\U00011f00", "\U0001e030"]
    values += [chr(cp) for cp in range(0x300)]
    values += [chr(cp) for cp in printable_boundaries() if cp >= 0x300]
    alphabet = ("abc'\"\\\t\n\x00\x7f\x85\xa0\xe9\u0300\u200b\u2028\ud800\udfff\ue000"
                "\u4e2d\U0001f600\U000e0001\U0010ffff ")
    values += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 12)))
               for _ in range(150)]
    return values


def byte_strings():
    values = [b"", b"a", b"'", b'"', b"'\"", b"it's", b'say "hi"', b"\\", b"\t\n\r",
              bytes(range(256)), b"\x00", b"\x7f", b"\x80", b"\xff", b"abc\x00def"]
    values += [bytes([b]) for b in range(256)]
    values += [bytes(rng.getrandbits(8) for _ in range(rng.randrange(1, 10))) for _ in range(40)]
    return values


def containers():
    return [(), (1,), (1, 2), ((),), ((1,),), (1, (2, (3, (4,)))), ("a", b"b", 1.5, 1j),
            (None, True, False, Ellipsis), (-0.0, float("nan")), ((1 + 2j),), (0j, -0j),
            ("it's",), (frozenset(),), (frozenset({1, 2}),), tuple(range(20)),
            (((((((((((),),),),),),),),),),), (10**100, -1), ("\ud800", "\n"),
            frozenset(), frozenset({1}), frozenset({1, 2}), frozenset({1, 2, 3}),
            frozenset({"a", "b"}), frozenset({(1, 2), (3,)}), frozenset({-1, 1.5, "x", b"y"}),
            frozenset({None, True}), frozenset({frozenset({1})}), frozenset(range(10)),
            (10**4300,), frozenset({10**4301})]


def main():
    groups = [singletons(), ints(), floats(), complexes(), strings(), byte_strings(), containers()]
    count = 0
    with open(OUT, "w", encoding="utf-8", newline="\n") as out:
        for group in groups:
            for value in group:
                text = expected(value)
                assert "\t" not in text and "\n" not in text
                out.write("%s\t%s\n" % (build(value), text))
                count += 1
    print("%d cases" % count)


main()
