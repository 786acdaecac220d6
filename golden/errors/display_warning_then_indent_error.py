x = "\d"
y = 1
  z = 2
