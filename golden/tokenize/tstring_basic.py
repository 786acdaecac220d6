x = t"hello {name!r:>10} {{}}"
y = t"""{
 a
}"""
