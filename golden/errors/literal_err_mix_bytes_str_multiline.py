x = ("abc"
     b"def")
