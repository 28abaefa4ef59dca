"""Standing follows victory: the man who carries the party keeps what the congresses give him,
his beaten rivals' fades, and the pamphlet war is no free-for-all - a polemic from the weaker
side against the party's majority costs its author, and nothing is won by attacking a man with
no standing left to lose."""
import numpy as np
import pytest

from game.engine import power, upkeep


def _leader(g, s) -> int:
    return int(power.leading(s, g.active(s), g.params, g.structural, g.leaders)[0])


def _polemic(g, s, author: str, target: str) -> tuple[float, float]:
    """(what the author's standing moved, what the target's moved) by one polemic."""
    a, t = g.pidx[author], g.pidx[target]
    before = s.prestige[0, [a, t]].copy()
    g.step(s, [[g.action(author, "polemic", target)]])
    after = s.prestige[0, [a, t]]
    return float(after[0] - before[0]), float(after[1] - before[1])


def _quiet_month(g, s):
    """The drift of one month with no one moving (posts held confer nothing here)."""
    s.holder[:] = -1
    upkeep.drift(g, s)


def test_the_leading_figure_keeps_the_standing_his_victories_gave_him(tiny):
    s = tiny.new_state([1])
    rival = tiny.pidx["kamenev"]                         # the smallest following of the four
    s.prestige[0, rival] = tiny.params["leader_prestige"]
    lead = _leader(tiny, s)
    assert lead != rival
    s.prestige[0, lead] = tiny.params["leader_prestige"]
    _quiet_month(tiny, s)
    # the victor's standing holds at the party's verdict; a beaten man's fades to the ordinary
    assert s.prestige[0, lead] == pytest.approx(tiny.params["leader_prestige"])
    assert s.prestige[0, rival] < tiny.params["leader_prestige"]


def test_standing_above_what_even_the_leader_keeps_fades_slowly(tiny):
    s = tiny.new_state([1])
    lead = _leader(tiny, s)
    s.prestige[0, lead] = 95.0
    _quiet_month(tiny, s)
    assert 93.0 < s.prestige[0, lead] < 95.0


def _with(scenario, **params):
    import dataclasses
    from game.engine.game import Game
    model = dataclasses.replace(scenario.model, params={**scenario.model.params, **params})
    return Game(dataclasses.replace(scenario, model=model))


def test_a_beaten_mans_polemic_against_the_victor_costs_him_and_hardly_touches_the_victor(
        tiny, tiny_scenario):
    # Zinoviev commands the greater following in the tiny scenario; Kamenev the smaller
    s = tiny.new_state([1])
    claim = power.claim(s, tiny.active(s), tiny.params, tiny.structural)[0]
    assert claim[tiny.pidx["kamenev"]] < claim[tiny.pidx["zinoviev"]]
    author, victor = _polemic(tiny, tiny.new_state([1]), "kamenev", "zinoviev")
    heard = _with(tiny_scenario, polemic_from_below=1.0)     # were he read like the majority
    _, victor_if_heard = _polemic(heard, heard.new_state([1]), "kamenev", "zinoviev")
    assert author < -1.5                                     # "none too popular"
    assert victor_if_heard < victor < 0.0                    # the victor barely notices


def test_the_stronger_side_gains_by_a_polemic_in_proportion_to_the_harm_it_does(tiny):
    s = tiny.new_state([1, 1])
    zinoviev, kamenev = tiny.pidx["zinoviev"], tiny.pidx["kamenev"]
    s.ideology[:, zinoviev] = s.ideology[:, kamenev] = 0.0
    s.ideology[:, kamenev, 0] = 1.0                        # the rank and file lean Zinoviev's way
    s.lean[:] = 0.0
    s.prestige[1, kamenev] = 2.0                           # in game 1 a man already beaten
    before = s.prestige.copy()
    tiny.step(s, [[tiny.action("zinoviev", "polemic", "kamenev")]] * 2)
    gain = s.prestige[:, zinoviev] - before[:, zinoviev]
    harm = before[:, kamenev] - s.prestige[:, kamenev]
    # (give or take the month's slow drift)
    assert gain[0] == pytest.approx(tiny.params["polemic_credit"] * harm[0], abs=0.2)
    assert gain[0] > 0.5
    # nothing left to take, nothing to win
    assert gain[1] < 0.25 * gain[0]


def test_polemics_between_beaten_men_do_not_drain_everyones_standing(tiny):
    """A year of pamphlets traded by two men with no following left takes almost nothing from
    each other and costs their authors: the rivals (who weigh the same sums) stop writing."""
    s = tiny.new_state([1])
    trotsky, kamenev = tiny.pidx["trotsky"], tiny.pidx["kamenev"]
    s.prestige[0, [trotsky, kamenev]] = 5.0
    s.prestige[0, tiny.pidx["stalin"]] = 60.0
    for month in range(12):
        author, target = ("trotsky", "kamenev") if month % 2 else ("kamenev", "trotsky")
        tiny.step(s, [[tiny.action(author, "polemic", target)]])
    # no one gained by it; the exchange only cost them; the third man was untouched by it
    assert s.prestige[0, trotsky] < 10.0 and s.prestige[0, kamenev] < 10.0
    assert s.prestige[0, tiny.pidx["stalin"]] > 55.0


def test_a_polemic_reads_the_same_rule_in_every_game_of_a_batch(tiny):
    lone = [tiny.new_state([s]) for s in (1, 2)]
    batch = tiny.new_state([1, 2])
    move = [tiny.action("kamenev", "polemic", "zinoviev")]
    for st in lone:
        tiny.step(st, [move])
    tiny.step(batch, [move, move])
    assert np.array_equal(batch.prestige, np.concatenate([st.prestige for st in lone]))


def test_a_leader_whose_rival_is_beaten_at_a_congress_gains_standing_and_keeps_it(tiny):
    """001: "by 1929, he had politically defeated and neutralised all his main rivals": the
    Congress's verdict raises the victor, lowers the beaten man, and the victor's standing is
    not pulled back towards the ordinary the months after."""
    from game.engine import votes
    from game.engine.sittings import apply_report
    s = tiny.new_state([1])
    lead = _leader(tiny, s)
    rival = tiny.pidx["kamenev"] if lead != tiny.pidx["kamenev"] else tiny.pidx["trotsky"]
    s.prestige[0, [lead, rival]] = 50.0
    report = votes.Motion.of("report", "congress", [lead], [rival], np.zeros((1, 3)), [0.3],
                             [True])
    apply_report(tiny, s, report, np.array([True]), np.array([False]))
    won = float(s.prestige[0, lead])
    assert won > 50.0 > s.prestige[0, rival]
    for _ in range(6):
        _quiet_month(tiny, s)
    assert s.prestige[0, lead] >= won - 0.5                  # the verdict holds
    assert s.prestige[0, rival] < 44.0                       # the beaten man's standing fades
