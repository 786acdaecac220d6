def f():  # type: () -> None
pass
