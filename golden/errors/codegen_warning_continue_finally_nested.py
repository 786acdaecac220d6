for i in y:
    try:
        try:
            continue
        finally:
            x is 1
    finally:
        z is 2
return
