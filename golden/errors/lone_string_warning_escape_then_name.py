x = "\d" y
