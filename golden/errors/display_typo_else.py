if x:
    pass
esle:
    pass
