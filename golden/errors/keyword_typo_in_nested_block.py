class A:
    def f(self):
        for x in y:
            iff x:
                pass
