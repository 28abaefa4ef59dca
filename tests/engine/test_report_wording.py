"""How the log words the vote on the Central Committee's report at a Congress or Conference: a
report carried against an opposition says so, but one that no delegate voted against was not
carried "against" anybody (the oppositions' own delegates voted for it once they had
recanted, as at the Fifteenth Conference of 1926)."""
from __future__ import annotations

import dataclasses

import numpy as np

from game.engine import votes
from game.engine.log import Log


def _report_record(g, against: int | None) -> str:
    s = g.new_state(np.array([1], dtype=np.uint64))
    m = votes.Motion.of("report", "congress", [g.pidx["stalin"]], [g.pidx["trotsky"]],
                        np.zeros((1, 3), np.float32), [0.3], [True])
    res = votes.compute(g, s, m)
    if against is not None:             # the tally as the delegates cast it
        res = dataclasses.replace(res, passed=np.array([True]),
                                  votes_for=res.votes_for + res.votes_against - against,
                                  votes_against=np.array([against]))
    log = Log(g, 1)
    log.vote(g, s, m, res, 0)
    return log.records[0][-1]["text"]


def test_a_report_carried_over_the_oppositions_votes_is_carried_against_it(tiny):
    text = _report_record(tiny, against=40)
    assert "moved by Stalin against Trotsky's opposition" in text
    assert text.endswith("–40).")


def test_a_report_nobody_voted_against_is_not_said_to_beat_an_opposition(tiny):
    text = _report_record(tiny, against=0)
    assert "against Trotsky's opposition" not in text
    assert "without a vote against: even Trotsky's opposition voted for it" in text
    assert text.endswith("–0).")
