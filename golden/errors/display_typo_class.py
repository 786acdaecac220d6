classs A:
    pass
