x = "\d"
if x = 1:
    pass
