"""The engine: the rule registry, the :class:`~copylint.engine.linter.Linter` that runs the
selected rules on a document, and fixing a text until it settles.
"""
