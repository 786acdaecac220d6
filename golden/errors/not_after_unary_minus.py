x = - not 2
