"""The computer rivals under their first name: ``Heuristic(g)`` is ``Rivals(g)``.

Kept so that callers written against the first rival (the replay session, the lab) keep
working; new code should import ``game.ai.rivals.Rivals`` and pass a difficulty.
"""
from __future__ import annotations

from .rivals import Rivals as Heuristic

__all__ = ["Heuristic"]
