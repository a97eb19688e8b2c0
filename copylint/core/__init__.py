"""The engine's core, knowing no rule: findings, documents, configuration, rule packs, the rule
model, suppression comments and fix planning. Everything else builds on it.
"""
