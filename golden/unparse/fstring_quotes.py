name = "x"
a = f"{name!r:>10}"
b = f"{'nested'} {name}"
c = f'''{"a" + 'b'} and {name}'''
d = f"{name=}"
e = f"{ {1: 2}[1] }"
f = f"{{braces}} {name:{width}.{precision}}"
g = f"line\n{name}\t"
