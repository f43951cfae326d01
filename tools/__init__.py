"""Build-time scripts (not shipped in the wheel): generators of the data files under extract/data/."""
