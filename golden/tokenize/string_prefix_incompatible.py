x = bt""
