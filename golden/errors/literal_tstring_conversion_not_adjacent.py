x = t'{y! r}'
