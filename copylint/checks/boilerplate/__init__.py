"""CL3xx, boilerplate: web furniture left in the copy, from phrase packs (CL301) and by the shape of
a line (CL302).
"""
