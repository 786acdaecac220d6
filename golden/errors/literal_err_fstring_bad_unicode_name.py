x = f"\N{NOPE}"
