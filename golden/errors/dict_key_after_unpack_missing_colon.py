x = {**a, c d}
