f(**a, b c)
