"""A digest page's lines read one by one: their features, dates, sentence ends, labels and the labels that recur."""
