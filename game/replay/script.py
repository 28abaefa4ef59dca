"""The historical replay: the scenario's ``script`` fed to the engine turn by turn.

Each ``ScriptMove`` is one of:

- an action: ``actor`` a person id, ``action`` an action kind (game/engine/actions.py ``KINDS``),
  ``target``/``arg``/``arg2`` ids as that kind names them ("all" for every region);
- a choice: ``action: choose``, ``actor`` the decider, ``arg`` the choice id and ``arg2`` (or
  ``target``) the event id (events without one take their historical choice);
- a chance outcome: ``actor: chance`` and ``action`` an event id to force it to fire (``arg:
  "no"`` to forbid it from that month on, ``arg`` a choice id to fire it with that choice), or
  ``action: stroke`` with ``target`` the person who suffers it.

Random strokes are off in the replay (history's strokes are in the script); every vote is the
model's own. A move's ``note`` and ``source`` become a ``history`` record in the log just
before the turn is resolved, so the replay reads with its commentary.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from ..engine.calendar import month_index
from .moves import choice_index, row_to_ids

if TYPE_CHECKING:
    from ..content.schema import ScriptMove
    from ..engine.game import Game

NO_RANDOM_STROKES = "no_random_strokes"


class ScriptError(ValueError):
    """A script move that does not fit the scenario; the message names its date and actor."""


@dataclass
class ScriptTurn:
    moves: list[dict] = field(default_factory=list)
    choices: dict[str, str] = field(default_factory=dict)
    forced: dict[str, bool] = field(default_factory=lambda: {NO_RANDOM_STROKES: True})
    notes: list[dict] = field(default_factory=list)


def turn_of(g: "Game", date: str) -> int:
    """The turn a "YYYY-MM" date falls in (may be outside the calendar)."""
    return (month_index(date) - g.start) // g.turn_months


def compile_script(g: "Game") -> list[ScriptTurn]:
    """One ScriptTurn per turn of the calendar (turns without moves are plain)."""
    plan = [ScriptTurn() for _ in range(g.n_turns)]
    for n, move in enumerate(g.scenario.script):
        where = f"script move {n + 1} ({move.date}, {move.actor} {move.action})"
        try:
            t = turn_of(g, move.date)
        except (ValueError, TypeError):
            raise ScriptError(f"{where}: the date must be written YYYY-MM") from None
        if not 0 <= t < g.n_turns:
            raise ScriptError(f"{where}: the date is outside the scenario's calendar")
        try:
            _add(g, plan[t], move)
        except (KeyError, ValueError, IndexError) as err:
            raise ScriptError(f"{where}: {_reason(err)}") from None
        note = _note(g, move)
        if note is not None:
            plan[t].notes.append(note)
    _forbid_onwards(plan)
    return plan


def _forbid_onwards(plan: list[ScriptTurn]) -> None:
    """An event history forbids stays forbidden in the replay (a once-only event whose date
    has passed would otherwise fire the month after), unless the script forces it later."""
    for t, turn in enumerate(plan):
        for event, fire in list(turn.forced.items()):
            if fire is False and event != NO_RANDOM_STROKES:
                for later in plan[t + 1:]:
                    if event in later.forced:
                        break
                    later.forced[event] = False


def _add(g: "Game", turn: ScriptTurn, move: "ScriptMove") -> None:
    if move.actor == "chance":
        if move.action == "stroke":
            if move.target not in g.pidx:
                raise KeyError(move.target)
            turn.forced[f"stroke:{move.target}"] = True
        else:
            if move.action not in g.eidx:
                raise KeyError(move.action)
            turn.forced[move.action] = move.arg != "no"
            if move.arg not in (None, "no", "yes"):      # fire it, with that choice
                choice_index(g, move.action, move.arg)
                turn.choices[move.action] = move.arg
        return
    if move.action == "choose":
        event = move.target if move.target in g.eidx else move.arg2
        if event not in g.eidx:
            raise ValueError(f"a choice names its event as arg2 (or target); "
                             f"{event or move.target!r} is not an event")
        choice_index(g, event, move.arg)
        turn.choices[event] = move.arg
        return
    action = g.action(move.actor, move.action, move.target, move.arg, move.arg2)
    turn.moves.append(row_to_ids(g, action.row()))


def _reason(err: Exception) -> str:
    if isinstance(err, KeyError):
        return f"unknown id {err.args[0]!r}"
    return str(err)


def _note(g: "Game", move: "ScriptMove") -> Optional[dict]:
    if not move.note and move.source is None:
        return None
    text = move.note or _describe(g, move)
    out: dict = {"actor": move.actor, "action": move.action, "text": text}
    if move.source is not None:
        out["source"] = {"file": move.source.file, "quote": move.source.quote}
    return out


def _describe(g: "Game", move: "ScriptMove") -> str:
    who = g.names.get(move.actor, move.actor)
    if move.actor == "chance":
        return f"History: {move.action} {move.target or ''}".strip() + "."
    if move.action == "choose":
        return f"History: {who} chooses {move.arg} at {move.arg2 or move.target}."
    action = g.action(move.actor, move.action, move.target, move.arg, move.arg2)
    return f"History: {who}: {action.label}."


def turns_until(g: "Game", until) -> int:
    """How many turns to play: ``until`` is a number of turns, a date "YYYY-MM" (that month
    included), or None for the whole calendar."""
    if until is None:
        return g.n_turns
    if isinstance(until, str):
        return max(0, min(g.n_turns, turn_of(g, until) + 1))
    return max(0, min(g.n_turns, int(until)))


def takeover_turn(g: "Game", at) -> int:
    """The turn a person takes over at: a turn number, or a date "YYYY-MM" (history plays the
    months before it)."""
    if isinstance(at, str):
        return max(0, min(g.n_turns, turn_of(g, at)))
    return max(0, min(g.n_turns, int(at)))


def historical(scenario, seed: int = 1, until=None):
    """The historical replay, played up to ``until`` (see ``turns_until``), as a Session whose
    every seat is the script's."""
    from .session import Session, as_scenario
    from ..engine.game import Game
    g = Game(as_scenario(scenario))
    return Session.from_replay(g.scenario, turns_until(g, until), humans=(), seed=seed,
                               autosave=False, game=g)
