x = 0x1for x in y if "\d"
y = = 1
