"""The historiography setting reaches the campaign's own events: under the structural reading
(003, 004: isolation bred the bureaucracy) the defeats abroad isolate the revolution more
than under the agency reading."""
from __future__ import annotations

import numpy as np

from game.ai.play import play
from game.content.overrides import apply_overrides
from game.engine.game import Game
from game.engine.state import IND

SEEDS = list(range(1, 9))


def _isolation_at_the_end(structural: float) -> np.ndarray:
    sc = apply_overrides("start_1922_last_struggle", {"historiography": {"structural": structural}})
    g = Game(sc)
    return play(g, SEEDS).ind[:, IND["isolation"]]


def test_the_defeats_abroad_isolate_the_revolution_more_under_the_structural_reading():
    structural, agency = _isolation_at_the_end(0.8), _isolation_at_the_end(0.2)
    # the German October (November 1923) and Bulgaria (June 1923) fall inside the start point
    assert (structural > agency + 5).all(), (structural, agency)

