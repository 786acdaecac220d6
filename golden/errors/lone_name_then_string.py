x = a "s"
