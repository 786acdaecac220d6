a = b = c d
