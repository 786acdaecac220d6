x = 1 .real
x = 1.5 .real
x = "a" "b" .upper()
x = 1 if 2 else 3
f(1, "a", b"c", 2j, key=3, *"s")
x = [1, "a", 2, *"b"][1:2:3]
x = {1: "a", "b": 2}
