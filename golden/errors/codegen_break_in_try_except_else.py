try:
    pass
except:
    pass
else:
    break
