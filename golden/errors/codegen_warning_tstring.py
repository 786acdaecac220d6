t'{x is 1}' 'a'
return
