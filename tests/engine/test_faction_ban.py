"""The ban on factions (the Tenth Congress, 1921) weighs against an open opposition: a public
bloc that commands neither the Politburo nor the Central Committee. It weighs with the men
outside the faction; its own men do not vote to discipline their own bloc."""
import numpy as np

from game.engine import power, votes


def _in_open_bloc(g, members, ban=True):
    """A game in which ``members`` sit in the public bloc 'opposition'."""
    s = g.new_state([5])
    s.flags[:, g.fidx["faction_ban"]] = ban
    for p in members:
        s.bloc[0, g.lidx["opposition"], g.pidx[p]] = True
    return s


def _condemn(g, s, sponsor, target):
    m = votes.Motion.of("condemn", "central_committee", [g.pidx[sponsor]], [g.pidx[target]],
                        np.zeros((1, 3)), np.zeros(1), [True])
    return votes.compute(g, s, m)


def _open_faction(g, s):
    return votes.derive(g, s).faction[0]


def test_a_bloc_commanding_neither_body_is_an_open_faction(tiny):
    s = _in_open_bloc(tiny, ["trotsky", "kamenev"])
    faction = _open_faction(tiny, s)
    assert faction[tiny.pidx["trotsky"]] and faction[tiny.pidx["kamenev"]]
    assert not faction[tiny.pidx["stalin"]]


def test_a_bloc_commanding_the_central_committee_is_the_majority_not_a_faction(tiny):
    """Stalin and Zinoviev hold half the Politburo, not more, but their men are most of the
    Central Committee: the party's majority, whose line the ban defends."""
    s = _in_open_bloc(tiny, ["stalin", "zinoviev"])
    act = tiny.active(s)
    stalin = tiny.pidx["stalin"]
    assert power.politburo_share(s, act)[0, stalin] <= 0.5 < power.cc_share(s, act)[0, stalin]
    assert not _open_faction(tiny, s).any()


def test_the_ban_weighs_with_the_men_outside_the_faction_not_with_its_own(tiny):
    s = _in_open_bloc(tiny, ["trotsky", "zinoviev"])
    discipline = _condemn(tiny, s, "stalin", "trotsky").terms["discipline"][0]
    assert discipline[tiny.pidx["kamenev"]] > 0
    assert discipline[tiny.pidx["zinoviev"]] == 0
    lifted = _in_open_bloc(tiny, ["trotsky", "zinoviev"], ban=False)
    assert not _condemn(tiny, lifted, "stalin", "trotsky").terms["discipline"][0].any()


def test_a_faction_man_moving_a_motion_is_held_against_him_outside_his_bloc_only(tiny):
    s = _in_open_bloc(tiny, ["trotsky", "zinoviev"])
    discipline = _condemn(tiny, s, "trotsky", "stalin").terms["discipline"][0]
    assert discipline[tiny.pidx["kamenev"]] < 0
    assert discipline[tiny.pidx["zinoviev"]] == 0
