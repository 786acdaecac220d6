from __future__ imprt nope
