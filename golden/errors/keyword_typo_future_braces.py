from __future__ imprt braces
