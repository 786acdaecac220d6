x = [1, 2
whille x: pass
