"""A module whose top-level names are rebound in every way Python allows."""
import os
import sys
import json as js
import xml.dom
from collections import OrderedDict, deque
from typing import *


def helper():
    return os.getcwd()


def replaced():
    pass


class Config:
    pass


class Temporary:
    pass


def replaced():
    return 2


sys = None
js += 1
for deque in range(3):
    pass
with open(__file__) as Config:
    pass
try:
    pass
except ValueError as helper2:
    pass
except KeyError as OrderedDict:
    pass
match os.name:
    case "posix":
        pass
    case [Temporary, *_]:
        pass
    case {"k": _, **xml}:
        pass

squares = [helper for helper in range(3)]


def reset():
    global counter, helper
    counter = 0
    helper = None


def reads_only():
    global stable
    return stable


import stable
counter = 1
