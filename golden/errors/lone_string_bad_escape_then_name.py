x = "\N{no such name}" y
