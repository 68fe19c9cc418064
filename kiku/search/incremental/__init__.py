"""What is kept between builds: the entry cache (cache.py), the last build's shards (state.py),
and the shards an edit reaches, patched (patch.py).
"""
