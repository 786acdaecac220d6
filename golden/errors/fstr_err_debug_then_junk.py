x = f"{x=y}"
