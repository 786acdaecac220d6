match x:
    case Foo(a=b c): pass
