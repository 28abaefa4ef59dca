"""What was played in one turn, written with ids so a person can read a save.

A turn is every leader's actions (human and computer alike), the choice made at every event
that fired, and the chance outcomes that were forced (the historical replay forces Lenin's
strokes and some events). Replaying a game is feeding these records back to ``Game.step``:
moves as the [1, S, 5] array, choices as ``{event id: choice index}``, no chooser, the same
``forced`` — so the same state comes out, and the same log.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

import numpy as np

from ..engine.actions import KIND, KIND_IDS, KINDS, LEVELS, TESTAMENT

if TYPE_CHECKING:
    from ..engine.game import Game

FIELDS = ("target", "arg", "arg2")


@dataclass
class TurnRecord:
    """One resolved turn: enough to play it again exactly."""
    turn: int
    date: str
    moves: list[dict] = field(default_factory=list)     # {actor, kind, target, arg, arg2}
    choices: dict[str, str] = field(default_factory=dict)  # event id -> choice id
    forced: dict[str, bool] = field(default_factory=dict)  # see Game.step(forced=...)
    notes: list[dict] = field(default_factory=list)     # commentary of the historical script

    def to_json(self) -> dict:
        out: dict = {"turn": self.turn, "date": self.date, "moves": self.moves}
        if self.choices:
            out["choices"] = self.choices
        if self.forced:
            out["forced"] = self.forced
        if self.notes:
            out["notes"] = self.notes
        return out

    @classmethod
    def from_json(cls, d: dict) -> "TurnRecord":
        return cls(turn=int(d["turn"]), date=str(d["date"]), moves=list(d.get("moves", [])),
                   choices=dict(d.get("choices", {})), forced=dict(d.get("forced", {})),
                   notes=list(d.get("notes", [])))


# ---------------------------------------------------------------------- ids <-> indices
def _tables(g: "Game") -> dict[str, tuple[str, ...]]:
    return {"person": g.person_ids, "region": g.region_ids, "bloc": g.bloc_ids,
            "post": g.post_ids, "motion": g.motion_ids, "level": LEVELS,
            "testament": TESTAMENT, "option": g.comintern_options()}


def row_to_ids(g: "Game", row) -> dict:
    """(kind, actor, target, arg, arg2) as ids, e.g. {"actor": "stalin", "kind":
    "appoint_secretary", "target": "ukraine", "arg": None, "arg2": None}. An index whose meaning
    the kind does not name is kept as a number, so nothing played is ever lost."""
    kind = KIND_IDS[int(row[0])]
    spec = KINDS[kind][:3]
    tables = _tables(g)
    out = {"actor": g.person_ids[int(row[1])], "kind": kind}
    for name, what, value in zip(FIELDS, spec, row[2:5]):
        value = int(value)
        if value < 0:
            out[name] = None
        elif what is not None and value < len(tables[what]):
            out[name] = tables[what][value]
        else:
            out[name] = value
    return out


def ids_to_row(g: "Game", move: dict) -> tuple[int, int, int, int, int]:
    """The inverse of ``row_to_ids``; raises KeyError/ValueError on an unknown id."""
    kind = move["kind"]
    if kind not in KIND:
        raise ValueError(f"unknown action kind {kind!r}")
    spec = KINDS[kind][:3]
    tables = _tables(g)
    row = [KIND[kind], g.pidx[move["actor"]]]
    for name, what in zip(FIELDS, spec):
        value = move.get(name)
        if value is None:
            row.append(-1)
        elif isinstance(value, int) and not isinstance(value, bool):
            row.append(value)
        elif what is None:
            raise ValueError(f"{kind} takes no {name} (got {value!r})")
        else:
            row.append(tables[what].index(value))
    return tuple(row)


def moves_to_ids(g: "Game", arr: np.ndarray) -> list[dict]:
    """Game 0's rows of a [B, S, 5] move array, padding dropped, in the order played."""
    return [row_to_ids(g, r) for r in np.asarray(arr)[0] if int(r[0]) >= 0]


def moves_array(g: "Game", moves: list[dict]) -> np.ndarray:
    out = np.full((1, len(moves), 5), -1, dtype=np.int64)
    for j, m in enumerate(moves):
        out[0, j] = ids_to_row(g, m)
    return out


def choice_index(g: "Game", event_id: str, choice) -> int:
    """A choice given as an id or an index, as the index into the event's choices."""
    ev = g.scenario.events[g.eidx[event_id]]
    if isinstance(choice, str):
        ids = [c.id for c in ev.choices]
        if choice not in ids:
            raise ValueError(f"the event {event_id!r} has no choice {choice!r} "
                             f"(choices: {', '.join(ids)})")
        return ids.index(choice)
    c = int(choice)
    if not 0 <= c < len(ev.choices):
        raise ValueError(f"the event {event_id!r} has {len(ev.choices)} choices, not {c + 1}")
    return c


def choices_by_index(g: "Game", choices: dict[str, str]) -> dict[str, int]:
    return {e: choice_index(g, e, c) for e, c in choices.items()}


class ChoiceRecorder:
    """A chooser for ``Game.step`` that asks ``inner`` (the computer) or falls back on the
    historical choice, lets ``given`` (a person's or the script's choices) override, and
    remembers what was chosen at every event that fired."""

    def __init__(self, inner=None, given: Optional[dict[int, int]] = None):
        self.inner = inner
        self.given = dict(given or {})
        self.picked: dict[int, int] = {}

    def __call__(self, g: "Game", s, e: int, mask: np.ndarray) -> np.ndarray:
        if self.inner is not None:
            picked = np.array(self.inner(g, s, e, mask), dtype=np.int64).reshape(s.batch)
        else:
            picked = np.full(s.batch, g.historical_choice[e], dtype=np.int64)
        if e in self.given:
            picked[:] = self.given[e]
        picked = np.clip(picked, 0, len(g.scenario.events[e].choices) - 1)
        if bool(mask[0]):
            self.picked[e] = int(picked[0])
        return picked

    def as_ids(self, g: "Game") -> dict[str, str]:
        return {g.event_ids[e]: g.scenario.events[e].choices[c].id
                for e, c in sorted(self.picked.items())}
