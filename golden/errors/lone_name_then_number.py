x = a 1
