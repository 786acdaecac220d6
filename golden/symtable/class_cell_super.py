class Base:
    def plain(self):
        return 1


class Child(Base):
    def plain(self):
        return super().plain()

    def explicit(self):
        return __class__

    def nested(self):
        def inner():
            return super()
        return inner

    attr = [__class__ for _ in range(1)]

    @staticmethod
    def static():
        return 2


def outside():
    return super
