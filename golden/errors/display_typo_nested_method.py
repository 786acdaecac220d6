class A:
    def f(self):
        retrn self
