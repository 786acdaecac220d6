def f(été, été):
    pass
