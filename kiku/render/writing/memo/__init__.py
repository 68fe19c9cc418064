"""The page memo: what each page of the last build was made from, and page fingerprints."""
