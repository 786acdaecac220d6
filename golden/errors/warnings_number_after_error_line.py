x = = 1
y = 1if 2 else 3
