imprt __hello__
