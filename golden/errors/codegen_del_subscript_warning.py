del (1)[2]
return
