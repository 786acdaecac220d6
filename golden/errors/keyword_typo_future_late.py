x = 1
from __future__ imprt annotations
