x = f"\n\N{BULLET} {x} \{y}"
y = rf"\{z}"
