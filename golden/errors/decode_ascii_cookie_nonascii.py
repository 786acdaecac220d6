#!/usr/bin/python
# -*- coding: ascii -*-
x = "é"
