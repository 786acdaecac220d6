try:
    import json
except ImportError:
    json = None
tryy:
    pass
except E:
    pass
