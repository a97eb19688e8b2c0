"""CL1xx, spelling: non-word typos, judged by the lexicon, word frequency, morphology and the
article itself, without flagging the proper nouns that fill news copy.
"""
