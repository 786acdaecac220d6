x = f'{y:\x1}'
