# coding: latin-1
x = "é"
imprt os
