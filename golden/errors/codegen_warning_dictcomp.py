{(k is 1): (v is 2) for k, v in (x is 3)}
return
