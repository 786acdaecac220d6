x = f"é{a b}"
