x = f"{a(b)]}"
