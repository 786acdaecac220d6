# -*- coding: koi8-r -*-
s = "Познание"
