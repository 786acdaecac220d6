_SINGLE_QUOTES = * ("'", '"')
