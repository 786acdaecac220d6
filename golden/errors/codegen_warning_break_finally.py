for i in y:
    try:
        break
    finally:
        x is 1
return
