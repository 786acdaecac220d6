x = 1 if y esle 2
