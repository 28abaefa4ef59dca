"""Scenario content: safe YAML reading, the typed schema, validation, what-ifs and expressions.

Entry points: ``game.content.loader`` (load_scenario, parse_scenario, list_scenarios,
scenarios_dir), ``game.content.overrides.apply_overrides``, ``game.content.expr`` (the
expression grammar) and ``game.content.check.main`` (``python -m game check``).
"""
