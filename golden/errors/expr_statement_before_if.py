x = pass if 1 else 2
