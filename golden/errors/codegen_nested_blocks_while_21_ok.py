while x:
 while x:
  while x:
   while x:
    while x:
     while x:
      while x:
       while x:
        while x:
         while x:
          while x:
           while x:
            while x:
             while x:
              while x:
               while x:
                while x:
                 while x:
                  while x:
                   while x:
                    while x:
                     pass
return
