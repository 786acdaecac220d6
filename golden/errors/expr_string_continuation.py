x = 'abc' 'def' ghi
