x = 1
whille x:
    pass
