a = '\\ \' \" \a \b \f \n \r \t \v'
b = "\0 \7 \01 \012 \123 \377"
c = '\x41\x4a\x4A \u0041\u00e9 \U0001F600 \ud800'
d = '\N{DIGIT ONE}\N{latin small letter e with acute}\N{LATIN CAPITAL LETTER GHA}\N{BOM}'
e = '\N{HANGUL SYLLABLE GAG}\N{CJK UNIFIED IDEOGRAPH-4E00}\N{NULL}'
f = 'line \
continued'
g = '''first
second\
third'''
h = 'é日本\n語'
i = r'\n\x41\N{foo}\d'
j = R"\\"
