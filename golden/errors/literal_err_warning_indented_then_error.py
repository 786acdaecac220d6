x = 1
if x:
    y = "\d"
    z = = 1
