"""detente: reads the news and answers whether two actors become friends or enemies."""
