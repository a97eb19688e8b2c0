"""What several check families share about English: the lexicon (words, frequencies, dialects),
word-form tests and the parts of names. Loaded once per process, read by many rules.
"""
