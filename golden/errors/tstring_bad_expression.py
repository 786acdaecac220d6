t'{pass}'
