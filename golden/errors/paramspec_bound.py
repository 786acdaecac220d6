class A[**P: int]: pass
