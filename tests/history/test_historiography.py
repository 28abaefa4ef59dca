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


def _isolation_at_the_end(structural: float) -> tuple[np.ndarray, np.ndarray]:
    """Isolation at the end of each game, and whether the German October failed in it."""
    sc = apply_overrides("start_1922_last_struggle", {"historiography": {"structural": structural}})
    g = Game(sc)
    s = play(g, SEEDS)
    return s.ind[:, IND["isolation"]], s.fired[:, g.eidx["german_october_fails"]]


def test_the_defeats_abroad_isolate_the_revolution_more_under_the_structural_reading():
    (structural, failed_s), (agency, failed_a) = _isolation_at_the_end(0.8), \
        _isolation_at_the_end(0.2)
    # the German October (November 1923) and Bulgaria (June 1923) fall inside the start point;
    # where the Comintern's offensive line let the German rising succeed, there is no defeat
    defeated = failed_s & failed_a
    assert defeated.sum() >= 4
    assert (structural[defeated] > agency[defeated] + 5).all(), (structural, agency)

