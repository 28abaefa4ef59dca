"""The game's interface: pygame-ce + pygame_gui screens, art drawn in code, settings.

This package is the only place pygame is imported. Screens read the engine's state and log and
emit actions through the engine's verbs; they hold no rules of their own.
"""
