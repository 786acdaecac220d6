class A(b c): pass
