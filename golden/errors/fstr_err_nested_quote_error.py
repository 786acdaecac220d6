x = f"{f"{x y}"}"
