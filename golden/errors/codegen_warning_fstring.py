f'{x is 1}'
return
