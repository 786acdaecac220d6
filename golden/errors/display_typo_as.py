with open(f) ass g: pass
