"""The check families, one package each (spelling, names, boilerplate, grammar, housekeeping).

A family package holds its rule classes in ``rules`` (registered there, found by
:mod:`copylint.engine.registry`) and the analysis modules they use. A family never imports another
family; what two families share lives in :mod:`copylint.language`.
"""
