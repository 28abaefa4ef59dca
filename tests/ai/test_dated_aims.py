"""A role's aim that holds only from a date is wanted only from that date: Stalin's great turn
of 1928 (the Five-Year Plan at full tempo) is not his line of 1922."""
import numpy as np

from game.ai.rivals import Rivals, Turn
from game.engine.calendar import month_index


def _wants_high_investment(g, r, s) -> float:
    t = Turn(r, s, np.zeros(g.P, dtype=bool))
    n = int(np.flatnonzero(r.ch.lead == g.pidx["stalin"])[0])
    q = g.qidx["investment"]
    high = [o.id for o in g.scenario.policies[q].options].index("high")
    return float(t.wants[n, q, high])


def test_stalin_wants_the_plan_only_from_1928(campaign):
    g = campaign
    r = Rivals(g, warm_up=False)
    s = g.new_state([1])
    assert _wants_high_investment(g, r, s) == 0.0
    s.turn = month_index("1928-01") - g.start
    assert _wants_high_investment(g, r, s) == 1.0


def test_an_undated_aim_is_wanted_from_the_start(campaign):
    g = campaign
    r = Rivals(g, warm_up=False)
    n = int(np.flatnonzero(r.ch.lead == g.pidx["bukharin"])[0])
    q = g.qidx["procurement"]
    force = [o.id for o in g.scenario.policies[q].options].index("force")
    assert r.ag.want_option[n, q, force] == -1.0 and r.ag.want_from[n, q, force] == -1
