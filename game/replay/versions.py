"""The version stamps a save and a replay header carry.

NumPy promises identical arithmetic only for the same build, and the rules change between
releases: a save records both, so a game made elsewhere is replayed and checked rather than
trusted blindly.
"""
from __future__ import annotations

import platform

import numpy as np

# The layout of a save file. Bump when a field's meaning changes; an older game reading a newer
# save refuses it with a sentence, not a traceback.
FORMAT_VERSION = 1
FORMAT_NAME = "politburo-save"

# Used only until the engine and the package publish their own (game.engine.RULES_VERSION,
# game.__version__).
_FALLBACK_RULES = 1
_FALLBACK_GAME = "0.1.0"


def rules_version() -> int:
    """The version of the rules: saves from other rules are replayed and checked, never trusted."""
    from .. import engine
    return int(getattr(engine, "RULES_VERSION", _FALLBACK_RULES))


def game_version() -> str:
    import game
    found = getattr(game, "__version__", None)
    if found:
        return str(found)
    try:
        from importlib.metadata import PackageNotFoundError, version
        return version("politburo")
    except (ImportError, PackageNotFoundError):
        return _FALLBACK_GAME


def stamps() -> dict:
    """Everything that decides whether a stored state can be trusted as it is."""
    return {"format_version": FORMAT_VERSION, "game_version": game_version(),
            "rules_version": rules_version(), "numpy_version": np.__version__,
            "python_version": platform.python_version()}


def same_arithmetic(header: dict) -> bool:
    """True if a save was made by this format, these rules and this NumPy."""
    return (header.get("format_version") == FORMAT_VERSION
            and header.get("rules_version") == rules_version()
            and header.get("numpy_version") == np.__version__)
