x = (1,
     2,
     3 4)
whille x: pass
