a = b'\\ \' \" \a \b \f \n \r \t \v'
b = b"\0\7\01\012\123\377"
c = b'\x41\x4a\x4A'
d = B'abc' b"" b'''x
y'''
e = rb'\x41\d' Rb"\n" bR'\'' BR"\\"
f = b'line \
continued'
