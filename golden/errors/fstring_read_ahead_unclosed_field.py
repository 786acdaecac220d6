x = f"{a" + b
