def f[**P: (int, str)](): pass
