f(a=b c)
