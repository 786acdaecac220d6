from __future__ imprt annotations
