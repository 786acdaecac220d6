a = 'x'
b = "it's"
c = 'say "hi"'
d = '''both ' and "'''
e = "tab\tnewline\n\x00\u200b"
f = b'bytes \x00 "quoted" \'x\''
g = u'unicode prefix'
