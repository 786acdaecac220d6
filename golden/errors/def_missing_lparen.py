def f x(): pass
