x = f"{x:{y z}}"
