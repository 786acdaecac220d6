x = f"{a}" b
