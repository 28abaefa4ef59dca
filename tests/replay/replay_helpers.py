"""Helpers for the replay tests: fixture paths, and a way for a "person" at the keyboard to
play (he plays as the computer would, through the same verbs the interface uses)."""
from __future__ import annotations

from pathlib import Path

from game.engine.actions import KIND_IDS, Action

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
SCRIPTED = FIXTURES / "scripted.yaml"
ROOT = HERE.parents[1]
TINY = ROOT / "tests" / "engine" / "fixtures" / "tiny.yaml"
def human_moves(session, person: str) -> list[Action]:
    """What a person at this seat plays this turn: the computer's choice for that leader, given
    as Actions like the interface would give them."""
    from game.ai.heuristic import Heuristic
    g = session.game
    if not hasattr(session, "_test_ai"):
        session._test_ai = Heuristic(g)
    rows = session._test_ai.moves(session.state)[0]
    me = g.pidx[person]
    return [Action(KIND_IDS[int(r[0])], *map(int, r[1:])) for r in rows
            if r[0] >= 0 and int(r[1]) == me]


def play_to_end(session, choices=None) -> None:
    while not session.over:
        session.play_turn({p: human_moves(session, p) for p in session.humans}, choices)
