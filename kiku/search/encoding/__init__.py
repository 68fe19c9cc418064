"""How the index is written down: shard choice, Rice-coded posting strings and gzip (shards.py,
rice_arrays.py), the records' code (codebook.py).
"""
