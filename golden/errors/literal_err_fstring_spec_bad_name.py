x = f"{x:\N{NOPE}}"
