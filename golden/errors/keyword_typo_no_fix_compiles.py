x = 1
whille x y z:
    pass
