x = lamda: 1
