if x:
	imprt os
