whille x:
    pass
else:
    pass
