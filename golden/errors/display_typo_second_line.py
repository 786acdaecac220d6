x = 1
from x imprt y
