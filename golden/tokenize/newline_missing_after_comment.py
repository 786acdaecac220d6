x = 1
# trailing