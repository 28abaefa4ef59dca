"""A vote on a promotion to the Politburo: the Central Committee weighs the man put up (his
standing, whether he sits on the bench of candidate members, the voter's ties to him, a banned
faction he leads) as well as the man who puts him up, and the vote's record says so in words
a student can read."""
from __future__ import annotations

import dataclasses

import numpy as np

from game.engine import motions, votes
from game.engine.actions import KIND
from game.engine.game import Game
from game.engine.state import BODY


def _quiet(g: Game, **params) -> Game:
    """``g`` without the voters' personal whims (and with ``params`` set)."""
    sc = g.scenario
    w = dataclasses.replace(sc.model.weights, noise=0.0)
    model = dataclasses.replace(sc.model, weights=w, params={**sc.model.params, **params})
    return Game(dataclasses.replace(sc, model=model))


def _promotion(g: Game, s, sponsor: str, man: str) -> votes.Motion:
    B = s.batch
    return motions.from_actions(g, s, KIND["promote"], np.full(B, g.pidx[sponsor]),
                                np.full(B, g.pidx[man]), np.full(B, -1), np.full(B, -1),
                                np.ones(B, dtype=bool))[0]


def _for(g: Game, s, sponsor: str, man: str) -> float:
    return float(votes.compute(g, s, _promotion(g, s, sponsor, man)).votes_for[0])


def test_the_committee_weighs_the_man_put_up_not_only_the_man_who_puts_him_up(tiny):
    g = _quiet(tiny)
    s = g.new_state([4])
    kamenev = g.pidx["kamenev"]
    s.prestige[:, kamenev] = 90.0
    esteemed = _for(g, s, "stalin", "kamenev")
    s.prestige[:, kamenev] = 5.0
    assert _for(g, s, "stalin", "kamenev") < esteemed     # the same mover, a lesser man


def test_with_no_share_for_the_man_put_up_only_the_mover_counts(tiny):
    g = _quiet(tiny, promotion_candidate_share=0.0)
    s = g.new_state([4])
    s.prestige[:, g.pidx["kamenev"]] = 90.0
    high = _for(g, s, "stalin", "kamenev")
    s.prestige[:, g.pidx["kamenev"]] = 5.0
    assert _for(g, s, "stalin", "kamenev") == high


def test_a_candidate_member_of_the_politburo_is_preferred_to_a_man_off_the_bench(tiny):
    g = _quiet(tiny)
    s = g.new_state([4])
    off = votes.compute(g, s, _promotion(g, s, "stalin", "kamenev"))
    s.member[:, g.pidx["kamenev"], BODY["politburo_candidate"]] = True
    on = votes.compute(g, s, _promotion(g, s, "stalin", "kamenev"))
    assert (on.terms["candidate"] > off.terms["candidate"]).all()


def test_the_man_put_up_votes_for_himself(tiny):
    g = _quiet(tiny)
    s = g.new_state([4])
    s.relations[:, g.pidx["molotov"], g.pidx["trotsky"]] = -1.0     # he cannot bear the mover
    res = votes.compute(g, s, _promotion(g, s, "trotsky", "molotov"))
    assert res.person_vote[0, g.pidx["molotov"]] == 1
    row = next(v for v in votes.explain(g, _promotion(g, s, "trotsky", "molotov"), res, 0)
               if v["id"] == "molotov")
    assert row["reasons"][0]["text"] == "he is the man put up"


def test_a_voter_s_reason_names_the_man_put_up_and_what_he_is_to_him(tiny):
    g = _quiet(tiny, promotion_candidate_share=0.9)
    s = g.new_state([4])
    kamenev, molotov = g.pidx["kamenev"], g.pidx["molotov"]
    s.member[:, kamenev, BODY["politburo_candidate"]] = True
    s.prestige[:, kamenev] = 80.0
    s.relations[:, molotov, kamenev] = 0.8
    m = _promotion(g, s, "zinoviev", "kamenev")
    res = votes.compute(g, s, m)
    row = next(v for v in votes.explain(g, m, res, 0) if v["id"] == "molotov")
    assert row["vote"] == "for"
    said = [r["text"] for r in row["reasons"] if r["term"] == "candidate"]
    assert said == ["Kamenev is a Politburo candidate of standing and a man he esteems"]


def test_a_vote_on_anything_else_has_no_candidate_term(tiny):
    g = _quiet(tiny)
    s = g.new_state([4])
    m = motions.from_actions(g, s, KIND["condemn"], np.array([g.pidx["stalin"]]),
                             np.array([g.pidx["trotsky"]]), np.array([-1]), np.array([-1]),
                             np.ones(1, dtype=bool))[0]
    res = votes.compute(g, s, m)
    assert not res.terms["candidate"].any() and res.candidate is None


def test_a_man_who_stands_on_his_own_is_weighed_on_his_own_pull_alone(tiny):
    """The plenum's own choice (sittings.own_choice) is moved by no leader: the man stands as
    his own mover, and the Committee weighs him once, wholly, with the bench in full."""
    g = _quiet(tiny)
    s = g.new_state([4])
    s.member[:, g.pidx["kamenev"], BODY["politburo_candidate"]] = True
    res = votes.compute(g, s, _promotion(g, s, "kamenev", "kamenev"))
    for term in votes.PULL:                        # no mover's share: all of it is his own
        assert not res.terms[term].any()
    assert (res.candidate["bench"] == g.params["promotion_bench_weight"]).all()
