# Run with oracle/python from the repository root:
#   oracle/python crates/tokenize/tests/data/make_decode_errors.py > crates/tokenize/tests/data/decode_cases.jsonl
# compile() of source bytes (what py_compile does): the decoded text when it compiles, else the
# SyntaxError's fields. Sources are stored as hex.
import json
CASES = [
    b'x = "\xff"\n', b'x = 1\ny = "\xc3"\n', b'x = 1\n\xff\n', b'\xef\xbb\xbfx = "\xff"\n',
    b'# coding: klingon\nx = 1\n', b'# coding: utf-8\nx = "\xff"\n',
    b'\xef\xbb\xbf# coding: latin-1\nx = 1\n', b'\xef\xbb\xbf\n# coding: cp1252\nx = 1\n',
    b'\xef\xbb\xbf# -*- coding: koi8-r -*-\nx = 1\n',
    b'# coding: ascii\nx = "\xc3\xa9"\n', b'# coding: iso8859-3\nx = "\xa5"\n', b'# coding: cp1252\nx = "\x81"\n',
    b'x = 1\x00\n', b'\n\n# coding: latin-1\nx = "\xe9"\n',
    b'# coding: latin-1\nx = "\xe9"\r\ny = 2\rz = 3\n', b'\xef\xbb\xbf# coding: utf-8\nx = "\xc3\xa9"\n',
    b'#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-15 :\nx = "\xa4"\n', b'# coding=cp1252\nx = "\x80\x93"\n',
    b'x = "caf\xc3\xa9"\r\n', b'', b'x = 1', b'\xef\xbb\xbf',
    # The other single-byte charmap codecs: each byte above 0x7F, and one a codec leaves undefined.
    b'# -*- coding: koi8-r -*-\nx = "' + bytes(range(0x80, 0x100)) + b'"\n',
    b'# coding: cp437\nx = "' + bytes(range(0x80, 0x100)) + b'"\n',
    b'# coding: mac-roman\nx = "' + bytes(range(0x80, 0x100)) + b'"\n',
    b'# coding: windows-1251\nx = "\xc0\xff"\n', b'# coding: cp1253\nx = "\xaa"\n',
    b'# coding: tis-620\nx = "\xa1\xfc"\n',
]
for src in CASES:
    case = {'source_hex': src.hex()}
    try:
        compile(src, 'f.py', 'exec')
        import io, tokenize
        # The text compile() tokenizes: decoded, newlines translated.
        enc = tokenize.detect_encoding(io.BytesIO(src).readline)[0]
        case['text'] = src.decode(enc).replace('\r\n', '\n').replace('\r', '\n')
    except SyntaxError as e:
        case['error'] = {'msg': e.msg, 'lineno': e.lineno, 'offset': e.offset,
                         'end_lineno': e.end_lineno, 'end_offset': e.end_offset, 'text': e.text}
    print(json.dumps(case, ensure_ascii=False))
