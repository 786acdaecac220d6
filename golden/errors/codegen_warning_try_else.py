try:
    pass
except E:
    x is 1
else:
    y is 2
return
