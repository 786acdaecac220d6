import os
import sys
import re
imprt json
