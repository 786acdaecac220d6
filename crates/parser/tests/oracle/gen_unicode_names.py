"""Writes crates/parser/src/unicode_names.txt: the names `\\N{...}` accepts in CPython 3.14.2
(Unicode 16.0), taken from the oracle's unicodedata.

Run from the repository root:  oracle/python crates/parser/tests/oracle/gen_unicode_names.py

Format (one record per line, sorted by code point):
  `@FIRST-LAST`          a range of CJK UNIFIED IDEOGRAPH-XXXX names (algorithmic, hex)
  `=CP NAME`             a formal name alias (hex code point)
  `DELTA PREFIX SUFFIX`  a character name: DELTA is the code point minus the previous name's
                         (hex), PREFIX how many leading bytes it shares with the previous name
                         (decimal), SUFFIX the rest; front coding keeps the file small.
Hangul syllable names are algorithmic and not listed.
"""
import struct
import sys
import unicodedata
from collections import Counter

WASM = "oracle/node_modules/pyodide/pyodide.asm.wasm"

# Formal aliases (NameAliases.txt of Unicode 16.0); each is checked against the oracle below,
# and the list as a whole against the alias table compiled into the oracle's interpreter.
ALIASES = """
0000 NULL|NUL
0001 START OF HEADING|SOH
0002 START OF TEXT|STX
0003 END OF TEXT|ETX
0004 END OF TRANSMISSION|EOT
0005 ENQUIRY|ENQ
0006 ACKNOWLEDGE|ACK
0007 ALERT|BEL
0008 BACKSPACE|BS
0009 CHARACTER TABULATION|HORIZONTAL TABULATION|HT|TAB
000A LINE FEED|NEW LINE|END OF LINE|LF|NL|EOL
000B LINE TABULATION|VERTICAL TABULATION|VT
000C FORM FEED|FF
000D CARRIAGE RETURN|CR
000E SHIFT OUT|LOCKING-SHIFT ONE|SO
000F SHIFT IN|LOCKING-SHIFT ZERO|SI
0010 DATA LINK ESCAPE|DLE
0011 DEVICE CONTROL ONE|DC1
0012 DEVICE CONTROL TWO|DC2
0013 DEVICE CONTROL THREE|DC3
0014 DEVICE CONTROL FOUR|DC4
0015 NEGATIVE ACKNOWLEDGE|NAK
0016 SYNCHRONOUS IDLE|SYN
0017 END OF TRANSMISSION BLOCK|ETB
0018 CANCEL|CAN
0019 END OF MEDIUM|EOM|EM
001A SUBSTITUTE|SUB
001B ESCAPE|ESC
001C INFORMATION SEPARATOR FOUR|FILE SEPARATOR|FS
001D INFORMATION SEPARATOR THREE|GROUP SEPARATOR|GS
001E INFORMATION SEPARATOR TWO|RECORD SEPARATOR|RS
001F INFORMATION SEPARATOR ONE|UNIT SEPARATOR|US
0020 SP
007F DELETE|DEL
0080 PADDING CHARACTER|PAD
0081 HIGH OCTET PRESET|HOP
0082 BREAK PERMITTED HERE|BPH
0083 NO BREAK HERE|NBH
0084 INDEX|IND
0085 NEXT LINE|NEL
0086 START OF SELECTED AREA|SSA
0087 END OF SELECTED AREA|ESA
0088 CHARACTER TABULATION SET|HORIZONTAL TABULATION SET|HTS
0089 CHARACTER TABULATION WITH JUSTIFICATION|HORIZONTAL TABULATION WITH JUSTIFICATION|HTJ
008A LINE TABULATION SET|VERTICAL TABULATION SET|VTS
008B PARTIAL LINE FORWARD|PARTIAL LINE DOWN|PLD
008C PARTIAL LINE BACKWARD|PARTIAL LINE UP|PLU
008D REVERSE LINE FEED|REVERSE INDEX|RI
008E SINGLE SHIFT TWO|SINGLE-SHIFT-2|SS2
008F SINGLE SHIFT THREE|SINGLE-SHIFT-3|SS3
0090 DEVICE CONTROL STRING|DCS
0091 PRIVATE USE ONE|PRIVATE USE-1|PU1
0092 PRIVATE USE TWO|PRIVATE USE-2|PU2
0093 SET TRANSMIT STATE|STS
0094 CANCEL CHARACTER|CCH
0095 MESSAGE WAITING|MW
0096 START OF GUARDED AREA|START OF PROTECTED AREA|SPA
0097 END OF GUARDED AREA|END OF PROTECTED AREA|EPA
0098 START OF STRING|SOS
0099 SINGLE GRAPHIC CHARACTER INTRODUCER|SGC
009A SINGLE CHARACTER INTRODUCER|SCI
009B CONTROL SEQUENCE INTRODUCER|CSI
009C STRING TERMINATOR|ST
009D OPERATING SYSTEM COMMAND|OSC
009E PRIVACY MESSAGE|PM
009F APPLICATION PROGRAM COMMAND|APC
00A0 NBSP
00AD SHY
01A2 LATIN CAPITAL LETTER GHA
01A3 LATIN SMALL LETTER GHA
034F CGJ
061C ALM
0616 ARABIC SMALL HIGH LIGATURE ALEF WITH YEH BARREE
0709 SYRIAC SUBLINEAR COLON SKEWED LEFT
0CDE KANNADA LETTER LLLA
0E9D LAO LETTER FO FON
0E9F LAO LETTER FO FAY
0EA3 LAO LETTER RO
0EA5 LAO LETTER LO
0FD0 TIBETAN MARK BKA- SHOG GI MGO RGYAN
11EC HANGUL JONGSEONG YESIEUNG-KIYEOK
11ED HANGUL JONGSEONG YESIEUNG-SSANGKIYEOK
11EE HANGUL JONGSEONG SSANGYESIEUNG
11EF HANGUL JONGSEONG YESIEUNG-KHIEUKH
1BBD SUNDANESE LETTER ARCHAIC I
180B FVS1
180C FVS2
180D FVS3
180E MVS
180F FVS4
200B ZWSP
200C ZWNJ
200D ZWJ
200E LRM
200F RLM
202A LRE
202B RLE
202C PDF
202D LRO
202E RLO
202F NNBSP
205F MMSP
2060 WJ
2066 LRI
2067 RLI
2068 FSI
2069 PDI
2118 WEIERSTRASS ELLIPTIC FUNCTION
2448 MICR ON US SYMBOL
2449 MICR DASH SYMBOL
2B7A LEFTWARDS TRIANGLE-HEADED ARROW WITH DOUBLE VERTICAL STROKE
2B7C RIGHTWARDS TRIANGLE-HEADED ARROW WITH DOUBLE VERTICAL STROKE
A015 YI SYLLABLE ITERATION MARK
AA6E MYANMAR LETTER KHAMTI LLA
FE18 PRESENTATION FORM FOR VERTICAL RIGHT WHITE LENTICULAR BRACKET
FEFF BYTE ORDER MARK|BOM|ZWNBSP
122D4 CUNEIFORM SIGN NU11 TENU
122D5 CUNEIFORM SIGN NU11 OVER NU11 BUR OVER BUR
12327 CUNEIFORM SIGN KALAM
1680B BAMUM LETTER PHASE-A MAEMGBIEE
16E56 MEDEFAIDRIN CAPITAL LETTER H
16E57 MEDEFAIDRIN CAPITAL LETTER NG
16E76 MEDEFAIDRIN SMALL LETTER H
16E77 MEDEFAIDRIN SMALL LETTER NG
1B001 HENTAIGANA LETTER E-1
1D0C5 BYZANTINE MUSICAL SYMBOL FTHORA SKLIRON CHROMA VASIS
1E899 MENDE KIKAKUI SYLLABLE M172 MBO
1E89A MENDE KIKAKUI SYLLABLE M174 MBOO
"""


def aliases():
    pairs = []
    for line in ALIASES.strip().splitlines():
        cp, names = line.split(" ", 1)
        for name in names.split("|"):
            pairs.append((int(cp, 16), name))
    for i in range(16):
        pairs.append((0xFE00 + i, "VS%d" % (i + 1)))
    for i in range(240):
        pairs.append((0xE0100 + i, "VS%d" % (i + 17)))
    for cp, name in pairs:
        if unicodedata.lookup(name) != chr(cp) or eval('"\\N{%s}"' % name) != chr(cp):
            sys.exit("alias %s does not name U+%04X in the oracle" % (name, cp))
    if Counter(cp for cp, _ in pairs) != Counter(compiled_alias_targets()):
        sys.exit("the alias list differs from the oracle's compiled alias table")
    return sorted(pairs)


def compiled_alias_targets():
    """The code points of unicodedata's `name_aliases[]` table, read from the interpreter's
    data segment: the u32 run that holds VS17..VS20 (U+E0100...), scanned back to its start.
    Its two leading zeros (NULL, NUL) are not stored: wasm data segments drop zero bytes."""
    with open(WASM, "rb") as f:
        data = f.read()
    at = data.find(struct.pack("<4I", 0xE0100, 0xE0101, 0xE0102, 0xE0103))
    if at < 0:
        sys.exit("alias table not found in " + WASM)
    start = at
    while start >= 4 and struct.unpack_from("<I", data, start - 4)[0] <= 0x10FFFF:
        start -= 4
    targets = [0, 0]
    end = start
    while struct.unpack_from("<I", data, end)[0] <= 0x10FFFF:
        targets.append(struct.unpack_from("<I", data, end)[0])
        end += 4
    return targets


def main():
    out = ["# @generated by crates/parser/tests/oracle/gen_unicode_names.py under oracle/python"
           " (unicodedata %s); do not edit" % unicodedata.unidata_version]
    cjk = []
    named = []
    for cp in range(0x110000):
        name = unicodedata.name(chr(cp), None)
        if name is None:
            continue
        if name.startswith("CJK UNIFIED IDEOGRAPH-"):
            if cjk and cjk[-1][1] == cp - 1:
                cjk[-1][1] = cp
            else:
                cjk.append([cp, cp])
        elif name.startswith("HANGUL SYLLABLE "):
            if not 0xAC00 <= cp <= 0xD7A3:
                sys.exit("unexpected Hangul syllable name at U+%04X" % cp)
        else:
            named.append((cp, name))
    for first, last in cjk:
        out.append("@%X-%X" % (first, last))
    for cp, name in aliases():
        out.append("=%X %s" % (cp, name))
    prev_cp, prev_name = 0, ""
    for cp, name in named:
        shared = 0
        while shared < min(len(name), len(prev_name)) and name[shared] == prev_name[shared]:
            shared += 1
        out.append("%X %d %s" % (cp - prev_cp, shared, name[shared:]))
        prev_cp, prev_name = cp, name
    with open("crates/parser/src/unicode_names.txt", "w", encoding="ascii") as f:
        f.write("\n".join(out) + "\n")
    print("names", len(named), "aliases", len(aliases()), "cjk ranges", len(cjk))


main()
