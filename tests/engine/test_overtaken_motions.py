"""A month's motions are voted one after another; a motion that an earlier vote of the month has
overtaken is not put (the rule that let it be tabled is read again before its vote)."""
from game.engine.log import Log
from game.engine.state import BODY


def _votes(log):
    return [r for r in log.records[0] if r["kind"] == "vote"]


def test_a_man_put_out_of_the_politburo_is_not_then_reduced_to_a_candidate(tiny):
    s = tiny.new_state([3])
    trotsky = tiny.pidx["trotsky"]
    s.condemned_turn[:, trotsky] = 0                # the party condemned his views a month
    s.turn = 1                                      # ago (votes._verdict)
    log = Log(tiny, 1)
    tiny.step(s, [[tiny.action("stalin", "expel", "trotsky", "politburo"),
                   tiny.action("zinoviev", "demote", "trotsky")]], log=log)
    assert [(r["motion_kind"], r["result"]) for r in _votes(log)] == [
        ("expel_politburo", "passed")]                 # the demotion, overtaken, is never put
    assert not s.member[0, trotsky, BODY["politburo"]]
    assert not s.member[0, trotsky, BODY["politburo_candidate"]]
    lapsed = [r for r in log.records[0] if r["kind"] == "lapsed"]
    assert len(lapsed) == 1 and lapsed[0]["motion_kind"] == "demote"
    assert "is not put to the vote: Trotsky does not sit on the Politburo" in lapsed[0]["text"]


def test_a_motion_still_in_order_after_an_earlier_vote_is_put(tiny):
    s = tiny.new_state([3])
    log = Log(tiny, 1)
    tiny.step(s, [[tiny.action("stalin", "expel", "trotsky", "politburo"),
                   tiny.action("zinoviev", "demote", "kamenev")]], log=log)
    assert [r["motion_kind"] for r in _votes(log)] == ["expel_politburo", "demote"]
