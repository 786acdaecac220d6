pattern = "\d+"
other = '\w'
