try:
    pass
exept ValueError:
    pass
