café = naïve + Ωmega + 数据
