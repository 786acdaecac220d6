def f(a):  # type: (int) -> None
    x = []  # type: ignore[misc]
