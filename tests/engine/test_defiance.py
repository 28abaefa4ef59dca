"""A beaten opposition that fights on defies the party; one that recants submits to it. The
party casts out the first and keeps the second: the Left, condemned and put out of the
Politburo, went on as a faction and was expelled in 1927 (001: "Nov: Trotsky and Zinoviev
expelled from the Communist Party"); the Right recanted in November 1929 and kept its party
cards (general history)."""
import numpy as np

from game.engine import defiance, mutate, votes
from game.engine.state import BODY


def _beaten_in_open_faction(g, months_since_verdict=6):
    """A game in which Trotsky, his views condemned ``months_since_verdict`` ago and out of
    the Politburo, sits with Kamenev in the public bloc 'opposition' under the ban."""
    s = g.new_state([5])
    t = g.pidx["trotsky"]
    for p in ("trotsky", "kamenev"):
        s.bloc[0, g.lidx["opposition"], g.pidx[p]] = True
    s.member[0, t, BODY["politburo"]] = False
    s.turn = 8
    s.condemned_turn[0, t] = s.turn - months_since_verdict
    return s


def _month(g, s):
    g.step(s, [[g.action("stalin", "pass")]])


def _expel(g, s, kind, target="trotsky", sponsor="stalin"):
    m = votes.Motion.of(kind, "central_committee", [g.pidx[sponsor]], [g.pidx[target]],
                        np.zeros((1, 3)), np.zeros(1), [True])
    return votes.compute(g, s, m)


def test_a_condemned_man_out_of_the_politburo_who_stays_in_an_open_faction_defies_the_party(tiny):
    s = _beaten_in_open_faction(tiny)
    _month(tiny, s)
    assert defiance.defiant(tiny, s)[0, tiny.pidx["trotsky"]]
    # Kamenev, in the same faction, was never condemned: he has defied no verdict
    assert not defiance.defiant(tiny, s)[0, tiny.pidx["kamenev"]]


def test_inside_the_politburo_the_same_conduct_breaches_the_ban_but_is_no_defiance(tiny):
    """What the majority waits for before it takes his seat (game.ai.value_motions)."""
    s = _beaten_in_open_faction(tiny)
    t = tiny.pidx["trotsky"]
    s.member[0, t, BODY["politburo"]] = True
    _month(tiny, s)
    faction = votes.derive(tiny, s).faction
    assert defiance.breached(tiny, s, faction)[0, t]
    assert not defiance.defiant(tiny, s)[0, t]
    # nor has Kamenev, never condemned, breached anything by sitting with him
    assert not defiance.breached(tiny, s, faction)[0, tiny.pidx["kamenev"]]


def test_the_month_of_the_verdict_is_no_defiance_yet(tiny):
    """He has had no time to submit: the verdict must stand ``defiance_grace`` months."""
    s = _beaten_in_open_faction(tiny, months_since_verdict=1)
    _month(tiny, s)
    assert not defiance.defiant(tiny, s)[0, tiny.pidx["trotsky"]]


def test_a_man_who_leaves_the_faction_is_remembered_for_a_year_then_forgiven(tiny):
    s = _beaten_in_open_faction(tiny)
    _month(tiny, s)
    s.bloc[0, :, tiny.pidx["trotsky"]] = False
    s.turn += 11                                 # twelve months after his last defiance
    assert defiance.defiant(tiny, s)[0, tiny.pidx["trotsky"]]
    s.turn += 1
    assert not defiance.defiant(tiny, s)[0, tiny.pidx["trotsky"]]


def test_a_named_act_of_defiance_counts_without_a_faction(tiny):
    """The demonstrations of 7 November 1927: the scenario's ``defy(person)``."""
    s = tiny.new_state([5])
    mutate.defy(tiny, s, np.array([True]), tiny.pidx["zinoviev"])
    assert defiance.defiant(tiny, s)[0, tiny.pidx["zinoviev"]]


def test_a_man_who_recants_leaves_his_blocs_and_has_submitted(tiny):
    s = _beaten_in_open_faction(tiny)
    _month(tiny, s)
    t = tiny.pidx["trotsky"]
    mutate.recant(tiny, s, np.array([True]), t)
    assert not s.bloc[0, :, t].any()
    assert defiance.submitted(s)[0, t] and not defiance.defiant(tiny, s)[0, t]
    _month(tiny, s)                            # out of the faction: no new defiance
    assert defiance.submitted(s)[0, t]


def test_the_committee_weighs_defiance_for_casting_a_man_out_and_his_allies_do_not(tiny):
    s = _beaten_in_open_faction(tiny)
    _month(tiny, s)
    res = _expel(tiny, s, "expel_cc")
    term = res.terms["defiance"][0]
    assert term[tiny.pidx["zinoviev"]] > 0            # the majority's men weigh it
    assert term[tiny.pidx["kamenev"]] == 0             # his ally in the faction does not
    text = votes.reason_text(tiny, "defiance", 1.0, tiny.pidx["stalin"], tiny.pidx["trotsky"])
    assert text == "Trotsky defies the party's verdict in the open"


def test_a_recantation_keeps_a_man_in_the_committee_not_in_the_politburo(tiny):
    """Trotsky and Zinoviev lost their Politburo seats in October 1926, after their declaration
    of submission; the Right kept its party cards after its statement of November 1929."""
    s = tiny.new_state([5])
    z = tiny.pidx["zinoviev"]
    mutate.recant(tiny, s, np.array([True]), z)
    voter = tiny.pidx["kamenev"]
    assert _expel(tiny, s, "expel_cc", "zinoviev").terms["defiance"][0, voter] < 0
    assert _expel(tiny, s, "expel_politburo", "zinoviev").terms["defiance"][0, voter] == 0


def test_defiance_weighs_on_no_other_motion(tiny):
    s = _beaten_in_open_faction(tiny)
    _month(tiny, s)
    m = votes.Motion.of("condemn", "central_committee", [tiny.pidx["stalin"]],
                        [tiny.pidx["trotsky"]], np.zeros((1, 3)), np.zeros(1), [True])
    assert not votes.compute(tiny, s, m).terms["defiance"].any()


def test_a_verdict_given_by_a_resolution_gives_the_man_the_same_time_to_submit(tiny):
    """condemn(person), the effect of a resolution against his line ('Against the Right
    deviation'), is a verdict on his views as a motion against the man is: after
    ``defiance_grace`` months he is beaten, and his posts may be taken if he persists."""
    s = tiny.new_state([5])
    t = tiny.pidx["trotsky"]
    s.turn = 8
    mutate.condemn(tiny, s, np.array([True]), t)
    assert not defiance.beaten(tiny, s)[0, t]
    s.turn += int(tiny.params["defiance_grace"] / tiny.turn_months)
    assert defiance.beaten(tiny, s)[0, t]
