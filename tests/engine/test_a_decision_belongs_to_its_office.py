"""A decision that belonged to an office goes to whoever holds the office in that game: the
strikes of 1923 and the grain crises of 1928-29 are the General Secretary's to decide (004: the
strike leaders "were arrested on the orders of the Bureaucracy"; 002: "At the top of this
structure was the General Secretary, and Stalin"), Stalin's only while he holds the post, or
where it is vacant (``decider_post``, ``decider`` its fallback). The computer's choice, a
player's, the split between them, the log and the effects that name ``decider`` all read the
decider game by game, through one function (game.engine.events.deciders)."""
from __future__ import annotations

import numpy as np
import pytest

from game.ai.choices import Chooser
from game.ai.play import _split_chooser
from game.ai.rivals import Rivals
from game.content.loader import load_scenario
from game.engine import events
from game.engine.events import decider_of, deciders
from game.engine.game import Game
from game.engine.log import Log
from game.replay.views import pending_events


@pytest.fixture(scope="module")
def campaign() -> Game:
    return Game(load_scenario("campaign"))


def _crisis(g: Game, holders: list, event: str = "grain_crisis", date: str = "1928-01"):
    """Games at ``date``, one for each holder of the General Secretary's post (a person id, or
    None: vacant), where nothing but ``event`` is left to fire."""
    s = g.new_state(list(range(1, len(holders) + 1)))
    s.turn = next(t for t in range(g.n_turns) if g.date(t) == date)
    s.holder[:, g.kidx["general_secretary"]] = [g.pidx[h] if h else -1 for h in holders]
    s.fired[:] = True
    s.fired[:, g.eidx[event]] = False
    return s


def test_the_general_secretary_decides_the_grain_crisis_whoever_holds_the_post(campaign):
    g = campaign
    s = _crisis(g, ["stalin", "zinoviev", None])
    for event in ("strikes_1923", "grain_crisis", "grain_crisis_1929"):
        ev = g.scenario.events[g.eidx[event]]
        assert ev.decider_post == "general_secretary"
        assert [decider_of(g, s, ev, b) for b in range(3)] == ["stalin", "zinoviev", "stalin"]
    fixed = g.scenario.events[g.eidx["july_plenum_1928"]]          # a man's own decision
    assert deciders(g, s, fixed).tolist() == [g.pidx["bukharin"]] * 3


def test_the_extraordinary_measures_cost_the_man_who_took_them_the_rights_regard(campaign):
    """The Right's regard falls for whoever went to Siberia, not for Stalin in a game where
    Zinoviev holds the post (the choice's effects name ``decider``); the record names him."""
    g = campaign
    s = _crisis(g, ["stalin", "zinoviev"])
    bukharin, stalin, zinoviev = (g.pidx[p] for p in ("bukharin", "stalin", "zinoviev"))
    before = s.relations.copy()
    log = Log(g, 2)
    events.fire_events(g, s, {"grain_crisis": "extraordinary_measures"}, log, None, {})
    fell = before - s.relations
    assert fell[0, bukharin, stalin] == pytest.approx(0.3)
    assert fell[1, bukharin, zinoviev] == pytest.approx(0.3)
    assert fell[1, bukharin, stalin] == pytest.approx(0.0)
    (first,), (second,) = ([r for r in log.records[b] if r.get("event") == "grain_crisis"]
                           for b in range(2))
    assert "stalin" in first["persons"]
    assert "zinoviev" in second["persons"] and "stalin" not in second["persons"]


def test_a_computer_general_secretary_weighs_the_measures_as_himself(campaign, monkeypatch):
    g = campaign
    s = _crisis(g, ["stalin", "zinoviev"])
    asked = []
    pick = Chooser._pick

    def spy(self, g_, s_, e, idx, p):
        asked.append((g.person_ids[p], idx.tolist()))
        return pick(self, g_, s_, e, idx, p)

    monkeypatch.setattr(Chooser, "_pick", spy)
    Rivals(g, "normal", warm_up=False).choose(g, s, g.eidx["grain_crisis"], np.ones(2, bool))
    assert sorted(asked) == [("stalin", [0]), ("zinoviev", [1])]


def test_a_player_who_holds_the_post_is_asked_to_decide(campaign):
    g = campaign
    s = _crisis(g, ["stalin", "zinoviev"])
    for b, (who, human) in enumerate((("stalin", False), ("zinoviev", True))):
        (crisis,) = [p for p in pending_events(g, s, ("zinoviev",), b) if p.id == "grain_crisis"]
        assert (crisis.decider, crisis.human) == (who, human)


def test_a_scripted_player_chooses_only_where_he_holds_the_post(campaign):
    g = campaign
    s = _crisis(g, ["stalin", "zinoviev", "zinoviev"])
    masks = {}

    def mine(g_, s_, e, mask):
        masks["mine"] = mask.copy()
        return np.full(s_.batch, 1)

    def theirs(g_, s_, e, mask):
        masks["theirs"] = mask.copy()
        return np.full(s_.batch, 0)

    choose = _split_chooser(g, g.pidx["zinoviev"], mine, theirs)
    picked = choose(g, s, g.eidx["grain_crisis"], np.ones(3, bool))
    assert picked.tolist() == [0, 1, 1]
    assert masks["mine"].tolist() == [False, True, True]
    assert masks["theirs"].tolist() == [True, False, False]


def test_nobody_decides_an_event_with_no_decider(campaign):
    g = campaign
    s = _crisis(g, ["stalin"])
    ev = g.scenario.events[g.eidx["lenin_first_stroke"]]
    assert deciders(g, s, ev).tolist() == [-1] and decider_of(g, s, ev) is None
