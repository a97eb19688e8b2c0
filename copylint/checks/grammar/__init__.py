"""CL4xx, grammar: LanguageTool's matches by category, through language-tool-python (a server
or a local install; off by default).
"""
