(print f(a, b c))
