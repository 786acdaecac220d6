c = 1if x else 2
d = 0x1for
e = 1_0else
