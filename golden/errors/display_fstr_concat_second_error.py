x = f"{x}" f"{y z}"
