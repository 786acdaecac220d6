x = f"{x!r!s}"
