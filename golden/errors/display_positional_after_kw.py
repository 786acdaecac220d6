print(end=1, 2)
