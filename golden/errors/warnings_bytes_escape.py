x = b'\d'
y = = 1
