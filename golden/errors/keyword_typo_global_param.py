def f(x):
    globl x
