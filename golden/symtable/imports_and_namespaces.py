import os
import os.path
import xml.etree.ElementTree as ET
from collections import OrderedDict as OD, deque
from . import sibling
from .. import parent
from json import *


def os():
    pass


class deque:
    pass


def uses():
    return os, ET, OD, sibling, parent
