match x:
    case Foo(a b): pass
