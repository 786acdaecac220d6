def f(a, b):
    retrun a +
