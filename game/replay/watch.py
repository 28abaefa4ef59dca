"""Watching a game again, turn by turn: for the interface's replay viewer.

Each source gives an iterator of ``Frame(turn, date, records, state, chart)``: the turn just
resolved, its log records, a copy of the state after it, and the charts' row.

- ``watch_save(path)``: any saved game (a finished game's save is its replay file);
- ``watch_session(session)``: a game in memory, from its first turn;
- ``watch_history(scenario, seed, until)``: the historical replay, with its commentary;
- ``watch_run(scenario, seed, overrides)``: one run of the what-if lab, played again by the
  computer (a lab run is its scenario, seed and overrides: game *i* of a batch is the lone game
  with that seed).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Iterator, Optional

from ..engine.state import State
from .script import compile_script, turns_until
from .session import PolicyFactory, Session, as_scenario


@dataclass(frozen=True)
class Frame:
    turn: int                   # the turn just resolved (0 = the scenario's first month)
    date: str                   # its month, "YYYY-MM"
    records: tuple[dict, ...]   # what happened in it (log records)
    state: State                # the state after it (a copy the viewer may keep)
    chart: dict                 # the charts' numbers after it (see views.chart_row)


def _frame(session: Session, turn: int, records: list[dict]) -> Frame:
    return Frame(turn, session.game.date(turn), tuple(records), session.state.copy(),
                 session.history[-1])


def watch_session(session: Session) -> Iterator[Frame]:
    """The recorded turns of ``session`` played again from the start (``session`` untouched)."""
    twin = Session(session.scenario, session.seed, session.humans, session.difficulty,
                   game=session.game)
    for rec in session.turns:
        turn = twin.turn
        yield _frame(twin, turn, twin.replay_turn(rec))


def watch_save(path: str | os.PathLike) -> Iterator[Frame]:
    """A saved game, turn by turn. Raises SaveError (with a sentence) before the first frame."""
    return watch_session(Session.load(path, trust_snapshot=True, autosave=False))


def watch_history(scenario, seed: int = 1, until=None) -> Iterator[Frame]:
    """The historical replay, turn by turn, up to ``until`` (turns, or "YYYY-MM" included)."""
    session = Session(as_scenario(scenario), seed, ())
    plan = compile_script(session.game)
    for step in plan[:turns_until(session.game, until)]:
        if session.over:
            return
        turn = session.turn
        yield _frame(session, turn, session.play_script_turn(step))


def watch_run(scenario, seed: int, overrides: Optional[dict] = None,
              policy: Optional[PolicyFactory] = None, difficulty: str = "normal") \
        -> Iterator[Frame]:
    """A what-if lab run (scenario, seed, overrides), every leader played by the computer."""
    session = Session.new(scenario, seed, humans=(), difficulty=difficulty, overrides=overrides,
                          policy=policy, autosave=False)
    while not session.over:
        turn = session.turn
        yield _frame(session, turn, session.play_turn())


def record_run(scenario, seed: int, overrides: Optional[dict] = None,
               policy: Optional[PolicyFactory] = None) -> Session:
    """A lab run played to the end as a Session, to save as a replay file or debrief."""
    session = Session.new(scenario, seed, humans=(), overrides=overrides, policy=policy,
                          autosave=False)
    while not session.over:
        session.play_turn()
    return session
