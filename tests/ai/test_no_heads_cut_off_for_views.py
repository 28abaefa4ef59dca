"""The majority cuts off no heads for views alone.

A leader beaten in argument keeps his seat in the Politburo until he breaks the ban on factions
after the verdict on his views: Zinoviev and Trotsky sat in it a year after their defeat and
lost their seats only once the opposition's organised breach of the ban was exposed (the
Lashevich affair, June 1926; the appeal to the cells, October 1926) - Stalin at the Fourteenth
Congress: 'we are against the policy of cutting off heads' (general history). Until then the
rivals fight him with a verdict on his views."""
import numpy as np

from game.ai.rivals import Rivals
from game.engine.actions import KIND

SEEDS = np.arange(1, 13)
UNSEAT = [KIND[k] for k in ("expel", "demote")]


def _trotsky_beaten(g):
    """1926-06: Lenin dead, Trotsky out of the army and with little standing left, Stalin far
    ahead; Trotsky still sits in the Politburo."""
    s = g.new_state(SEEDS)
    s.turn = next(t for t in range(g.n_turns) if g.date(t) == "1926-06")
    s.alive[:, g.pidx["lenin"]] = False
    s.holder[:, g.kidx["war_commissar"]] = g.pidx["frunze"]
    s.prestige[:, g.pidx["stalin"]], s.cc_seats[:, g.pidx["stalin"]] = 90.0, 25.0
    s.prestige[:, g.pidx["trotsky"]], s.cc_seats[:, g.pidx["trotsky"]] = 15.0, 0.0
    return s


def _in_the_open_opposition(g, s, months_since_verdict=None):
    """Trotsky sits with Zinoviev in the United Opposition, found out; his views condemned
    ``months_since_verdict`` ago (None: never)."""
    lo = g.lidx["united_opposition"]
    s.bloc[:, lo, [g.pidx["trotsky"], g.pidx["zinoviev"]]] = True
    s.exposed[:, lo] = True
    if months_since_verdict is not None:
        s.condemned_turn[:, g.pidx["trotsky"]] = s.turn - months_since_verdict
    return s


def _moved(g, rows, kinds) -> np.ndarray:
    """[B] someone moves a motion of ``kinds`` against Trotsky this month."""
    return (np.isin(rows[:, :, 0], kinds) & (rows[:, :, 2] == g.pidx["trotsky"])).any(axis=1)


def test_a_leader_is_not_put_out_of_the_politburo_for_his_views_alone(campaign):
    g = campaign
    rows = Rivals(g, "normal").moves(_in_the_open_opposition(g, _trotsky_beaten(g)))
    assert not _moved(g, rows, UNSEAT).any()
    # the rivals wait for a verdict on his views instead, given at a Congress or Conference
    # (tests/ai/test_a_campaign_is_fought_in_words_first.py)


def test_nor_when_condemned_before_he_has_had_time_to_submit(campaign):
    g = campaign
    s = _in_the_open_opposition(g, _trotsky_beaten(g), months_since_verdict=1)
    assert not _moved(g, Rivals(g, "normal").moves(s), UNSEAT).any()


def test_a_condemned_leader_who_goes_on_in_an_open_faction_loses_his_seat(campaign):
    g = campaign
    s = _in_the_open_opposition(g, _trotsky_beaten(g), months_since_verdict=7)
    assert _moved(g, Rivals(g, "normal").moves(s), UNSEAT).mean() >= 0.5


def test_the_rivals_spare_a_human_trotsky_the_same_way(campaign):
    g = campaign
    s = _in_the_open_opposition(g, _trotsky_beaten(g))
    rows = Rivals(g, "normal").moves(s, skip=(g.pidx["trotsky"],))
    assert not _moved(g, rows, UNSEAT).any()


def test_hard_rivals_need_no_pretext_against_the_human_player(campaign):
    # the hard level's rivals close ranks against the player (game.ai.difficulty: pretext)
    g = campaign
    s = _in_the_open_opposition(g, _trotsky_beaten(g))
    human = Rivals(g, "hard").moves(s, skip=(g.pidx["trotsky"],))
    computer = Rivals(g, "hard").moves(s)
    assert _moved(g, human, UNSEAT).any() and not _moved(g, computer, UNSEAT).any()
