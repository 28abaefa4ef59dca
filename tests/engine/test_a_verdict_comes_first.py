"""The party took no man's post or seat before it had passed a verdict on his views: each step
against the Left and the Right followed a condemnation (game.engine.votes._verdict)."""
import numpy as np
import pytest

from game.content.loader import load_scenario
from game.engine.game import Game
from game.engine.log import Log
from game.engine.state import BODY

SEEDS = list(range(1, 9))


@pytest.fixture(scope="module")
def campaign() -> Game:
    return Game(load_scenario("campaign"))


def _put_out(g: Game, condemned: bool):
    s = g.new_state(np.array(SEEDS))
    if condemned:                    # condemned, and given time to submit (post_grace)
        s.condemned_turn[:, g.pidx["trotsky"]] = s.turn
        s.turn += int(g.params["post_grace"])
    log = Log(g, len(SEEDS))
    g.step(s, [[g.action("stalin", "expel", "trotsky", "politburo")]] * len(SEEDS), log=log)
    votes = [next(r for r in log.records[b] if r["kind"] == "vote" and r.get("sponsor") == "stalin")
             for b in range(len(SEEDS))]
    return s, votes


def test_in_april_1922_the_committee_will_not_put_trotsky_out_of_the_politburo_at_stalins_word(campaign):
    _s, votes = _put_out(campaign, condemned=False)
    assert all(v["result"] == "failed" for v in votes)
    # the voters say why: the party has not condemned his views
    reasons = [r["text"] for v in votes for voter in v["voters"]
               for r in voter.get("despite", []) + voter.get("reasons", [])]
    assert "the party has not condemned Leon Trotsky's views, or has only just done so" in reasons


def test_once_his_views_are_condemned_the_same_motion_can_carry(campaign):
    _s, before = _put_out(campaign, condemned=False)
    _s, after = _put_out(campaign, condemned=True)
    assert sum(v["tally"]["for"] for v in after) > sum(v["tally"]["for"] for v in before)
    assert any(v["result"] == "passed" for v in after)


def test_a_man_condemned_this_month_keeps_his_seat_until_he_has_had_time_to_submit(campaign):
    g = campaign
    s = g.new_state(np.array(SEEDS))
    s.condemned_turn[:, g.pidx["trotsky"]] = s.turn
    log = Log(g, len(SEEDS))
    g.step(s, [[g.action("stalin", "expel", "trotsky", "politburo")]] * len(SEEDS), log=log)
    assert s.member[:, g.pidx["trotsky"], BODY["politburo"]].all()


def test_a_verdict_weighs_nothing_in_a_motion_that_takes_no_post(tiny):
    from game.engine import motions, votes
    from game.engine.actions import KIND
    s = tiny.new_state([3])
    stalin, trotsky = tiny.pidx["stalin"], tiny.pidx["trotsky"]
    condemn = motions.from_actions(tiny, s, KIND["condemn"], np.array([stalin]), np.array([trotsky]),
                                   np.array([-1]), np.array([-1]), np.ones(1, dtype=bool))[0]
    assert not votes.compute(tiny, s, condemn).terms["verdict"].any()


def test_a_start_point_after_the_fourteenth_congress_opens_with_the_oppositions_verdicts_standing():
    g = Game(load_scenario("start_1926_united_opposition"))
    s = g.new_state(np.array([1]))
    condemned = {p for p in g.person_ids if s.condemned_turn[0, g.pidx[p]] >= 0}
    assert {"trotsky", "zinoviev", "kamenev"} <= condemned
    assert "stalin" not in condemned and "bukharin" not in condemned
