f("\N{no such name}", 1 $)
