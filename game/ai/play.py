"""Playing whole games with the computer at every seat (simulate, the lab, tests)."""
from __future__ import annotations

from typing import Callable, Optional

import numpy as np

from ..engine.game import Game
from ..engine.log import Log
from ..engine.state import State
from .heuristic import Heuristic


def play(g: Game, seeds, log: Optional[Log] = None, policy: Optional[Heuristic] = None,
         on_turn: Optional[Callable[[State], None]] = None) -> State:
    """Play a batch of games to the end, every leader computer-controlled."""
    ai = policy or Heuristic(g)
    s = g.new_state(seeds)
    while not s.over.all():
        g.step(s, ai.moves(s), log=log, chooser=ai.choose)
        if on_turn is not None:
            on_turn(s)
    return s


def play_one(g: Game, seed: int, policy: Optional[Heuristic] = None) -> tuple[State, Log]:
    log = Log(g, 1)
    s = play(g, np.array([seed]), log, policy)
    return s, log
