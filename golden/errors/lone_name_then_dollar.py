y = a $
