name = "héllo €"
