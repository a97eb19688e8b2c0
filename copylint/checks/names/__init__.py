"""CL2xx, names and word forms: one name (CL201) or one word (CL202 British/American spelling,
CL203 closed/hyphenated compound) written two ways in one article.
"""
