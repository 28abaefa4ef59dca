"""A verdict on a man's views stands: the party condemned each opposition at a plenum or a
conference, not month after month."""
from game.engine.log import Log


def _condemn(g, s):
    log = Log(g, 1)
    g.step(s, [[g.action("stalin", "condemn", "trotsky")]], log=log)
    return [r for r in log.records[0] if r["kind"] == "vote" and "condemning" in r["motion"]]


def test_a_man_condemned_this_month_cannot_be_condemned_again_for_a_year(tiny):
    s = tiny.new_state([9])
    s.condemned_turn[0, tiny.pidx["trotsky"]] = s.turn
    again = tiny.action("stalin", "condemn", "trotsky")
    assert tiny.why_illegal(s, 0, again) == (
        "Trotsky's views were condemned less than 12 months ago; the verdict stands until then.")
    s.turn += 11
    assert tiny.why_illegal(s, 0, again) is not None
    s.turn += 1
    assert tiny.why_illegal(s, 0, again) is None
    # another man may still be condemned
    assert tiny.why_illegal(s, 0, tiny.action("stalin", "condemn", "zinoviev")) is None


def test_a_condemnation_that_passes_dates_the_verdict(tiny):
    s = tiny.new_state([9])
    t = tiny.pidx["trotsky"]
    (vote,) = _condemn(tiny, s)
    assert vote["result"] == "passed"
    assert s.condemned_turn[0, t] == s.turn - 1              # the month it was voted
    assert _condemn(tiny, s) == []                            # and the next month, no vote


def test_a_condemnation_that_fails_leaves_no_verdict(tiny):
    s = tiny.new_state([9])
    t = tiny.pidx["trotsky"]
    s.prestige[0, t] = 100.0                                  # the hero of the hour
    s.prestige[0, tiny.pidx["stalin"]] = 5.0
    (vote,) = _condemn(tiny, s)
    assert vote["result"] == "failed"
    assert s.condemned_turn[0, t] == -1


def test_no_one_is_condemned_at_the_start(tiny):
    s = tiny.new_state([1, 2])
    assert (s.condemned_turn == -1).all()
