# coding: mac-roman
s = "ÄÅÇ †°"
