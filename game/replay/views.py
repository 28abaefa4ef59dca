"""Read-only views of one game for the interface: the numbers for charts, the events to decide."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

import numpy as np

from ..engine.events import decider_of
from ..engine.state import BODY, INDICATORS, IND, State

if TYPE_CHECKING:
    from ..engine.game import Game


def surname(full: str) -> str:
    """The last word of a name, where the whole one will not fit (tables, captions, legends,
    the part of an aim that failed); a one-word name ("Collapse", "—") as it is."""
    return full.split()[-1] if full and full.split() else full


def chart_row(g: "Game", s: State, played: int, b: int = 0) -> dict:
    """The quantities the charts plot, after ``played`` turns of game ``b``. ``date`` is the
    month last resolved (the scenario's start month before any turn)."""
    date = g.date(max(played - 1, 0))
    ind = {name: round(float(s.ind[b, IND[name]]), 4) for name in INDICATORS}
    agri = ind["agricultural_prices"]
    return {
        "turn": played, "date": date, "indicators": ind,
        "scissors": round(ind["industrial_prices"] / agri, 4) if agri else None,
        "prestige": {p: round(float(s.prestige[b, i]), 3) for i, p in enumerate(g.person_ids)},
        "health": {p: round(float(s.health[b, i]), 3) for i, p in enumerate(g.person_ids)},
        "politburo": [p for i, p in enumerate(g.person_ids) if s.member[b, i, BODY["politburo"]]],
        "posts": {k: (g.person_ids[int(h)] if h >= 0 else None)
                  for k, h in zip(g.post_ids, s.holder[b])},
        "members": round(float(s.members[b].sum()), 3),
    }


@dataclass(frozen=True)
class ChoiceView:
    id: str
    label: str
    outcome: str
    historical: bool


@dataclass(frozen=True)
class PendingEvent:
    """An event that will fire at the start of this turn, and who decides it."""
    id: str
    title: str
    text: str
    decider: Optional[str]              # person id, or None (no choice to make)
    human: bool                         # a person at this computer must choose
    choices: tuple[ChoiceView, ...]
    historical: Optional[str]           # the choice made in history
    source: Optional[dict]              # {"file": ..., "quote": ...}


def pending_events(g: "Game", s: State, humans: tuple[str, ...], b: int = 0) \
        -> list[PendingEvent]:
    out = []
    for e in g.pending_events(s, b):
        ev = g.scenario.events[e]
        choices = tuple(ChoiceView(c.id, c.label, c.outcome, bool(c.historical))
                        for c in ev.choices)
        hist = ev.choices[g.historical_choice[e]].id if ev.choices else None
        src = {"file": ev.source.file, "quote": ev.source.quote} if ev.source else None
        decider = decider_of(g, s, ev, b)           # a post's holder may decide it
        out.append(PendingEvent(ev.id, ev.title, ev.text, decider,
                                bool(ev.choices) and decider in humans, choices, hist, src))
    return out


def leaders(g: "Game") -> tuple[str, ...]:
    return tuple(g.person_ids[i] for i in np.flatnonzero(g.leaders))
