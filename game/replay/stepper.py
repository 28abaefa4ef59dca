"""Resolving one turn so that it can be recorded: which rows were played, which choices made.

Players decide after the turn's events have fired, as in ``game.ai.play`` (the lab and
``simulate``): their moves are a function of that view. If the engine calls such a function
itself between the events and the actions (``game.engine.turn.MOVES_AFTER_EVENTS``), it does;
otherwise the events are previewed on a copy. Either way the rows that were played are kept,
and replaying them as a plain array gives the same turn.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Optional, Union

import numpy as np

from ..engine import turn as engine_turn
from ..engine.state import State
from .moves import ChoiceRecorder

if TYPE_CHECKING:
    from ..engine.game import Game
    from ..engine.log import Log

Moves = Union[np.ndarray, Callable[[State], np.ndarray]]


def resolve(g: "Game", s: State, moves: Moves, inner, given: dict[int, int], forced: dict,
            log: Optional["Log"]) -> tuple[np.ndarray, dict[str, str]]:
    """Resolve the turn in place; returns the rows played [1, S, 5] and the choices made."""
    recorder = ChoiceRecorder(inner, given)
    if not callable(moves):
        rows = np.asarray(moves, dtype=np.int64)
        g.step(s, rows, log=log, chooser=recorder, forced=forced)
    elif getattr(engine_turn, "MOVES_AFTER_EVENTS", False):
        seen: list[np.ndarray] = []

        def decide(view: State) -> np.ndarray:
            seen.append(np.asarray(moves(view), dtype=np.int64))
            return seen[-1]
        g.step(s, decide, log=log, chooser=recorder, forced=forced)
        rows = seen[0] if seen else np.full((1, 0, 5), -1, dtype=np.int64)
    else:
        rows = np.asarray(moves(preview(g, s, inner, given, forced)), dtype=np.int64)
        g.step(s, rows, log=log, chooser=recorder, forced=forced)
    return rows, recorder.as_ids(g)


def preview(g: "Game", s: State, inner=None, given: Optional[dict[int, int]] = None,
            forced: Optional[dict] = None) -> State:
    """The state as the players see it this turn: a copy after the turn's events have fired."""
    from ..ai.play import preview as ai_preview
    return ai_preview(g, s, ChoiceRecorder(inner, given or {}), forced or {})
