# coding: cp437
s = "€‚ °±²"
