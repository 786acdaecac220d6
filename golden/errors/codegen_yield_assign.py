X = yield -11
