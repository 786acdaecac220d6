# coding: iso-8859-5
x = "АБ"
