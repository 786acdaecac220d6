t'x'()
return
