"""The rules: batch-first state, actions, votes, economy, events and the log.

RULES_VERSION changes whenever the same scenario, seed and moves could give a different game;
saves and replay headers record it.
"""
RULES_VERSION = 30
