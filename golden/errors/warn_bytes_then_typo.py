x = b"\d"
imprt os
