x = 1if '\d' else 2
y = = 1
