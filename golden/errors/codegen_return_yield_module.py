return (yield)
