x = yeild 1
