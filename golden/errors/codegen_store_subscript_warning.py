(1)[2] = 3
return
