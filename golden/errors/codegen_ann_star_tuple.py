x: tuple[*Ts]
return
