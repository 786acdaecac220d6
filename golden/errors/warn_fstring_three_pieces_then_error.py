x = f"ab\d{1}cd\d{2}\d"
y = = 1
