s = 'é'
whille s:
    pass
