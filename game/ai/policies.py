"""Scripted stand-ins for the human player, to measure how strong the rivals are.

- ``apparatus``: a competent organiser in Stalin's manner — secretaries, recruitment, the police
  files, allies against the strongest rival, and a motion only when the vote is safe;
- ``orator``: a competent man of the word — speeches, polemics, resolutions on the line;
- ``historical``: the scenario's script for this leader, move for move (its choices too); a
  leader the script never moves plays ``apparatus``;
- ``passive``: does nothing;
- ``random``: any legal action, at random.

They judge with the rivals' own instruments (legality, the vote forecast) but with a plain
character of their own — no personal fears, no erratic element, no misreading of votes — so a
stand-in plays the same whatever leader it is given.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import numpy as np

from ..engine import rng
from ..engine.actions import KIND, check, cost_of
from ..engine.state import State
from .character import KIND_KEYS
from .difficulty import Difficulty
from .menu import NEG
from .rivals import ACT_MIN, Rivals, rows, select

if TYPE_CHECKING:
    from ..engine.game import Game

NAMES = ("apparatus", "orator", "historical", "passive", "random")
PLAIN = Difficulty("scripted", noise=0.0, misjudge=0.0, horizon=36.0, ap_share=1.0, picks=4,
                   motions=1, coordinate=0.0, choice_noise=0.0)
PROFILES = {
    "apparatus": {"appoint_secretary": 2.0, "recruit": 1.6, "gather_information": 1.5,
                  "remove_from_post": 1.3, "expel": 1.3, "demote": 1.2, "promote": 1.5,
                  "polemic": 0.6, "speak": 1.2, "propose": 0.8, "join_bloc": 1.2,
                  "form_bloc": 1.2, "aggression": 1.2, "caution": 0.5, "patience": 0.0,
                  "alliance": 1.2, "principle": 0.5, "ambition": 1.5},
    "orator": {"polemic": 2.0, "speak": 2.0, "propose": 1.6, "condemn": 1.3, "testament": 1.3,
               "appoint_secretary": 0.5, "recruit": 0.5, "aggression": 0.8, "caution": 0.5,
               "patience": 0.4, "alliance": 0.8, "principle": 1.5, "ambition": 1.2},
}


def plain(g: "Game", profile: str) -> dict[str, float]:
    """A character without personal fears or friends: the profile, every other kind at 1."""
    c = {k: 1.0 for k in KIND_KEYS}
    c.update(PROFILES.get(profile, PROFILES["apparatus"]))
    c.update({f"threat.{p}": 1.0 for p in g.person_ids})
    c.update({f"ally.{p}": 0.0 for p in g.person_ids})
    return c


class Scripted:
    """A stand-in playing one leader (``person``) for every game of a batch."""

    def __init__(self, g: "Game", person: str, name: str = "apparatus"):
        if name not in NAMES:
            raise ValueError(f"unknown policy {name!r}; choose one of {', '.join(NAMES)}")
        self.g, self.name, self.person = g, name, person
        self.p = g.pidx[person]
        profile = name if name in PROFILES else "apparatus"
        self.engine = Rivals(g, PLAIN, characters={person: plain(g, profile)})
        self.n = int(np.flatnonzero(self.engine.ch.lead == self.p)[0])
        self.script = _script(g, person) if name == "historical" else None
        if self.script is not None and not any(self.script["moves"]):
            self.script = None                           # history never moves him: organise

    def moves(self, s: State) -> np.ndarray:
        if self.name == "passive":
            return np.full((s.batch, 0, 5), -1, dtype=np.int64)
        if self.script is not None:
            return self._historical(s)
        others = tuple(int(q) for q in self.engine.ch.lead if q != self.p)
        t = self.engine.evaluate(s, skip=others)
        value = np.full_like(t.board.value, NEG)
        if self.name == "random":
            u = rng.uniform(s.seed, s.turn, rng.SITES["ai"],
                            (1 << 26) + np.arange(self.engine.menu.C)).astype(np.float32)
            value[:, self.n] = np.where(t.board.legal[:, self.n], ACT_MIN * 1.01 + u, NEG)
        else:
            value[:, self.n] = t.board.value[:, self.n]
        budget = np.zeros(value.shape[:2], dtype=np.float32)
        budget[:, self.n] = s.ap[:, self.p] * t.ctx.act[:, self.p]
        picks = select(t.board, value, budget, PLAIN.picks, PLAIN.motions, self.engine.menu)
        return rows(t, picks)

    def choose(self, g: "Game", s: State, e: int, mask: np.ndarray) -> np.ndarray:
        hist = np.full(s.batch, g.historical_choice[e], dtype=np.int64)
        if self.name in ("historical", "passive"):
            pick = (self.script or {}).get("choices", {}).get(e)
            return np.full(s.batch, pick, dtype=np.int64) if pick is not None else hist
        if self.name == "random":
            n = len(g.scenario.events[e].choices)
            u = rng.uniform(s.seed, s.turn, rng.SITES["choice"], (1 << 20) + e)
            return np.minimum((u * n).astype(np.int64), max(n - 1, 0))
        return self.engine.choose(g, s, e, mask)

    def _historical(self, s: State) -> np.ndarray:
        """This turn's scripted moves, each kept in the games where it is legal and
        affordable."""
        g = self.g
        acts = self.script["moves"][s.turn] if s.turn < len(self.script["moves"]) else []
        B = s.batch
        out = np.full((B, len(acts), 5), -1, dtype=np.int64)
        ap = s.ap[:, self.p].astype(np.float32).copy()
        for j, a in enumerate(acts):
            row = np.array(a.row(), dtype=np.int64)
            col = [np.full(B, v, dtype=np.int64) for v in row[1:]]
            ok = check(g, s, int(row[0]), *col) == 0
            cost = cost_of(g, s, int(row[0]), col[0])
            ok &= cost <= ap + 1e-6
            ap -= np.where(ok, cost, 0.0)
            out[ok, j] = row
        return out


def _script(g: "Game", person: str) -> Optional[dict]:
    """The script's moves for ``person`` per turn, and his choices per event index."""
    from ..engine.calendar import month_index
    moves: list[list] = [[] for _ in range(g.n_turns)]
    picks: dict[int, int] = {}
    for m in g.scenario.script:
        if m.actor != person:
            continue
        try:
            t = (month_index(m.date) - g.start) // g.turn_months
            if m.action == "choose":
                event = m.target if m.target in g.eidx else m.arg2
                e = g.eidx[event]
                picks[e] = [c.id for c in g.scenario.events[e].choices].index(m.arg)
            elif 0 <= t < g.n_turns and m.action in KIND:
                moves[t].append(g.action(m.actor, m.action, m.target, m.arg, m.arg2))
        except (KeyError, ValueError):
            continue
    return {"moves": moves, "choices": picks}


def make(g: "Game", person: str, name: str) -> Scripted:
    return Scripted(g, person, name)
