if x is nto None: pass
