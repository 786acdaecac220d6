try:
    pass
except* E:
    def f():
        return 1
    class C:
        pass
return
