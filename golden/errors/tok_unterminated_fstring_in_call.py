f(x, f'abc
