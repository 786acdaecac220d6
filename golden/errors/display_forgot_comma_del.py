del x, y z
