def f(a="\N{no such name}", b=2): pass
