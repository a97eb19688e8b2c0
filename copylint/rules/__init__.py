"""Built-in rules: one module per rule family, each registering its rules with ``@register``.

Every module in this package is imported when the registry is first used; nothing else needs to
list a new rule.
"""
