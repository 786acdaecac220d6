print(*a)
x = *a
