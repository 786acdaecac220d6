def f():
	x = 1
	iff x:
		pass
