"""A bloc formed against a man votes his motions down, whatever they say: the triumvirate was
formed "for the specific purpose of conspiring against Trotsky" (004), and its members "began
moves to prevent Trotsky obtaining majority support" (001). Their clients follow them. It weighs
on his own motions only, not on every motion against him (game.engine.votes._conspirators)."""
import dataclasses

import numpy as np
import pytest

from game.ai.play import preview
from game.ai.rivals import Rivals, Turn
from game.content.loader import load_scenario
from game.engine import motions, votes
from game.engine.actions import KIND
from game.engine.game import Game

TRIUMVIRS = ("stalin", "zinoviev", "kamenev")


@pytest.fixture(scope="module")
def campaign() -> Game:
    return Game(load_scenario("campaign"))


def _autumn_1923(g: Game, triumvirate: bool, seeds=(1,)):
    """The campaign in November 1923, the scissors wide open, with or without the triumvirate."""
    s = g.new_state(list(seeds))
    s.turn = next(t for t in range(g.n_turns) if g.date(t) == "1923-11")
    s.bloc[:, g.lidx["triumvirate"], :] = False
    if triumvirate:
        for p in TRIUMVIRS:
            s.bloc[:, g.lidx["triumvirate"], g.pidx[p]] = True
    return s


def _moved(g: Game, s, kind: str, actor: str, target: str = None, arg: int = -1):
    B = s.batch
    t = g.pidx[target] if target else -1
    m = motions.from_actions(g, s, KIND[kind], np.full(B, g.pidx[actor]), np.full(B, t),
                             np.full(B, arg), np.full(B, -1), np.ones(B, dtype=bool))[0]
    return m, votes.compute(g, s, m)


def _squeeze(g: Game, s):
    return _moved(g, s, "propose", "trotsky", arg=g.motion_ids.index("squeeze_the_kulaks"))


def test_the_triumvirs_vote_down_trotskys_motion_because_their_bloc_was_formed_against_him(campaign):
    g = campaign
    m, res = _squeeze(g, _autumn_1923(g, triumvirate=True))
    why = {row["id"]: row for row in votes.explain(g, m, res, 0)}
    for p in TRIUMVIRS:
        assert why[p]["vote"] == "against"
        texts = [r["text"] for r in why[p]["reasons"]]
        assert "is in an alliance formed against Leon Trotsky" in texts


def test_without_the_triumvirate_nothing_binds_them_against_him(campaign):
    g = campaign
    _m, res = _squeeze(g, _autumn_1923(g, triumvirate=False))
    assert not res.terms["conspiracy"].any()


def test_a_client_of_a_triumvir_follows_his_patron_against_trotsky(campaign):
    g = campaign
    s = _autumn_1923(g, triumvirate=True)
    molotov = g.pidx["molotov"]
    s.patron[:, molotov] = g.pidx["stalin"]
    s.loyalty[:, molotov] = 0.8
    m, res = _squeeze(g, s)
    _m, free = _squeeze(g, _autumn_1923(g, triumvirate=False))
    assert res.terms["patronage"][0, molotov] < free.terms["patronage"][0, molotov]
    assert votes.reason_text(g, "patronage", -0.4, g.pidx["trotsky"], -1, molotov) == \
        "owes his career to a man in an alliance formed against Leon Trotsky"


def test_the_triumvirate_does_not_turn_its_men_against_every_motion_against_trotsky(campaign):
    """Stalin held back Zinoviev's calls to expel Trotsky: the bloc weighs on the mover's side
    only."""
    g = campaign
    _m, res = _moved(g, _autumn_1923(g, triumvirate=True), "condemn", "zinoviev", "trotsky")
    assert not res.terms["conspiracy"].any()


def test_the_triumvirate_carries_the_committee_against_trotskys_squeeze(campaign):
    g = campaign
    seeds = range(1, 9)
    _m, bound = _squeeze(g, _autumn_1923(g, triumvirate=True, seeds=seeds))
    _m, free = _squeeze(g, _autumn_1923(g, triumvirate=False, seeds=seeds))
    assert (bound.votes_for < free.votes_for).all()


def test_the_rivals_forecast_reads_the_bloc_as_the_engine_counts_it(campaign):
    """The computer Trotsky sees the triumvirate's votes coming: his forecast of the squeeze
    falls with the bloc as the engine's count does (without the voters' personal whims)."""
    sc = load_scenario("campaign")
    w = dataclasses.replace(sc.model.weights, noise=0.0)
    g = Game(dataclasses.replace(sc, model=dataclasses.replace(sc.model, weights=w)))
    r = Rivals(g)
    squeeze = g.scenario.motions[g.motion_ids.index("squeeze_the_kulaks")]
    d = np.array([[squeeze.direction.economy, squeeze.direction.regime,
                   squeeze.direction.international]], dtype=np.float32)
    d /= np.linalg.norm(d)
    shares = {}
    for bound in (False, True):
        s = _autumn_1923(g, triumvirate=bound)
        view = preview(g, s, r.choose)
        t = Turn(r, view, np.zeros(g.P, dtype=bool))
        n = np.array([list(r.ch.lead).index(g.pidx["trotsky"])])
        forecast = float(t.fc.line(np.array([0]), n, d, np.array([squeeze.bureaucratic]),
                                   "central_committee")[0])
        _m, res = _squeeze(g, view)
        real = float(res.votes_for[0] / (res.votes_for[0] + res.votes_against[0]))
        shares[bound] = forecast, real
        assert abs(forecast - real) < 0.08
    assert shares[True][0] < shares[False][0]
