"""What the lab keeps of each game: a few numbers per game and per turn, as columns.

A batch of games is played by ``game.ai.play.play`` (the same computer rivals as everywhere
else); a :class:`Recorder` rides along on its ``on_turn`` hook and keeps, for every game, the
turn each key event first happened and the indicators after every turn. Everything is an array
with the game on one axis, so a batch of 2,000 games costs a handful of NumPy operations a turn.

``Runs`` holds the columns of many games; ``Runs.concat`` joins chunks in seed order. ``Meta``
describes the columns in plain data (ids, names, dates), so it can cross process boundaries
without the compiled ``Game``.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field, fields, replace
from typing import Callable, Optional

import numpy as np

from ..content.loader import label_from_id
from ..engine import power
from ..engine.env import Env
from ..engine.game import Game
from ..engine.state import INDICATORS, State

LAB_FORMAT = 1                      # bump when the CSV columns change meaning
SERIES = INDICATORS + ("scissors",)  # what the fan charts and the final table read
DATE_KINDS = ("removed", "fell", "expelled", "died")   # per leader
BLOC_KINDS = ("formed", "broke")                        # per bloc


@dataclass(frozen=True)
class Meta:
    """The shape of a scenario's results, as plain data."""
    scenario: str
    title: str
    base: str
    rules_version: int                # the engine's (game.engine.RULES_VERSION)
    scenario_format: int              # the scenario file format
    leaders: tuple[str, ...]          # person ids of the leaders, in scenario order
    outcomes: tuple[str, ...]         # leaders + ("collapse",): what ``Runs.outcome`` indexes
    names: dict                       # person id -> name
    blocs: tuple[tuple[str, str], ...]  # (id, name)
    roles: tuple[str, ...]
    dates: tuple[str, ...]            # "YYYY-MM" of each turn
    structural: float
    weights: dict                     # vote-term weights in force
    overrides: dict                   # the lab's overrides (``--weights``, a sweep setting)
    difficulty: str = ""              # the rivals' level ("": their default)
    short_title: str = ""             # the scenario's name in lists, legends and verdicts

    @classmethod
    def of(cls, g: Game, overrides: Optional[dict] = None,
           difficulty: Optional[str] = None) -> "Meta":
        from .. import engine
        sc = g.scenario
        leaders = tuple(g.person_ids[i] for i in np.flatnonzero(g.leaders))
        return cls(scenario=sc.id, title=sc.title, base=sc.base or "",
                   rules_version=int(getattr(engine, "RULES_VERSION", 0)),
                   scenario_format=sc.format,
                   leaders=leaders, outcomes=tuple(g.outcomes), names=dict(g.names),
                   blocs=tuple((b.id, b.name) for b in sc.blocs), roles=tuple(g.role_ids),
                   dates=tuple(g.date(t) for t in range(g.n_turns)),
                   structural=float(g.structural),
                   weights={f.name: float(getattr(g.weights, f.name)) for f in fields(g.weights)},
                   overrides=dict(overrides or {}), difficulty=difficulty or "",
                   short_title=sc.short_title or label_from_id(sc.id))

    def name(self, ident: str) -> str:
        if ident == "collapse":
            return "Collapse"
        return self.names.get(ident, dict(self.blocs).get(ident, ident))

    def date(self, turn: int) -> str:
        return self.dates[turn] if 0 <= turn < len(self.dates) else ""


@dataclass
class Runs:
    """Columns of many games of one scenario (one setting), in seed order."""
    meta: Meta
    seed: np.ndarray        # [B] uint64
    outcome: np.ndarray     # [B] int16 index into meta.outcomes
    leader: np.ndarray      # [B] int16 index into meta.leaders: the leading figure at the end
    ended: np.ndarray       # [B] int16 turn the game ended
    dates: dict             # "removed"/"fell"/"expelled"/"died" -> [B, nLeaders] int16 turn, -1
    blocs: dict             # "formed"/"broke" -> [B, L] int16 turn, -1
    roles: np.ndarray       # [B, V] bool: role won
    final: np.ndarray       # [B, len(SERIES)] float32 indicators at the end
    prestige: np.ndarray    # [B, nLeaders] float32 at the end
    history: np.ndarray     # [T, B, len(SERIES)] float32 after each turn, NaN once over
    leading: np.ndarray     # [T, B] int8 outcome index of who leads after each turn
    seconds: float = 0.0    # compute time spent playing these games
    extra: dict = field(default_factory=dict)

    @property
    def n(self) -> int:
        return int(self.seed.shape[0])

    @staticmethod
    def concat(parts: list["Runs"]) -> "Runs":
        first = parts[0]
        cat = lambda name, axis=0: np.concatenate([getattr(p, name) for p in parts], axis=axis)  # noqa: E731
        return Runs(meta=first.meta, seed=cat("seed"), outcome=cat("outcome"),
                    leader=cat("leader"), ended=cat("ended"),
                    dates={k: np.concatenate([p.dates[k] for p in parts]) for k in first.dates},
                    blocs={k: np.concatenate([p.blocs[k] for p in parts]) for k in first.blocs},
                    roles=cat("roles"), final=cat("final"), prestige=cat("prestige"),
                    history=cat("history", 1), leading=cat("leading", 1),
                    seconds=sum(p.seconds for p in parts))

    def take(self, idx) -> "Runs":
        """Some games of these runs (e.g. one to compare with a lone replay)."""
        idx = np.asarray(idx)
        return replace(self, seed=self.seed[idx], outcome=self.outcome[idx],
                       leader=self.leader[idx], ended=self.ended[idx],
                       dates={k: v[idx] for k, v in self.dates.items()},
                       blocs={k: v[idx] for k, v in self.blocs.items()},
                       roles=self.roles[idx], final=self.final[idx],
                       prestige=self.prestige[idx], history=self.history[:, idx],
                       leading=self.leading[:, idx])


def series(s: State) -> np.ndarray:
    """[B, len(SERIES)] the indicators and the scissors (as the engine computes it)."""
    sc = s.ind[:, 0] / np.maximum(s.ind[:, 1], 1.0)
    return np.concatenate([s.ind, sc[:, None]], axis=1).astype(np.float32)


class Recorder:
    """Rides on ``play(..., on_turn=recorder)``: the k-th call is turn k's aftermath."""

    def __init__(self, g: Game, batch: int, on_turn: Optional[Callable[[int], None]] = None):
        self.g, self.B = g, batch
        self.lead_idx = np.flatnonzero(g.leaders)
        T, nl = g.n_turns, len(self.lead_idx)
        self.history = np.full((T, batch, len(SERIES)), np.nan, dtype=np.float32)
        self.leading = np.full((T, batch), -1, dtype=np.int8)
        self.ended = np.full(batch, -1, dtype=np.int16)
        self.died = np.full((batch, nl), -1, dtype=np.int16)
        self.formed = np.full((batch, g.L), -1, dtype=np.int16)
        self.broke = np.full((batch, g.L), -1, dtype=np.int16)
        self.turn = 0
        self.on_turn = on_turn
        code = np.full(g.P, -1, dtype=np.int8)
        code[self.lead_idx] = np.arange(nl)
        self.code = code

    def __call__(self, s: State) -> None:
        t, running = self.turn, self.ended < 0
        self.history[t, running] = series(s)[running]
        lead = self.code[power.leading(s, self.g.active(s), self.g.params, self.g.structural,
                                       self.g.leaders)]
        self.leading[t] = np.where(s.over, s.outcome, lead)
        dead = ~s.alive[:, self.lead_idx] & (self.died < 0)
        self.died[dead] = t
        size = s.bloc.sum(axis=2)                                      # [B, L]
        self.formed[(size >= 2) & (self.formed < 0)] = t
        self.broke[(size < 2) & (self.formed >= 0) & (self.broke < 0)] = t
        self.ended[s.over & running] = t
        self.turn += 1
        if self.on_turn is not None:
            self.on_turn(t)

    def runs(self, s: State, meta: Meta, seconds: float) -> Runs:
        g, li = self.g, self.lead_idx
        lead = self.code[power.leading(s, g.active(s), g.params, g.structural, g.leaders)]
        env = Env(g, s)
        roles = np.zeros((s.batch, len(g.role_ids)), dtype=bool)
        for v, aims in enumerate(g.win_aims):
            won = ~s.lost[:, v] & s.over
            for aim in aims:
                if aim is not None:
                    won &= np.broadcast_to(np.asarray(aim.fn(env), dtype=bool), won.shape)
            roles[:, v] = won
        self.leading[self.turn:] = s.outcome     # a whole batch may end before the calendar
        return Runs(meta=meta, seed=s.seed.astype(np.uint64), outcome=s.outcome.astype(np.int16),
                    leader=lead.astype(np.int16), ended=self.ended.copy(),
                    dates={"removed": s.removed_turn[:, li].astype(np.int16),
                           "fell": s.fell_turn[:, li].astype(np.int16),
                           "expelled": s.expelled_turn[:, li].astype(np.int16),
                           "died": self.died},
                    blocs={"formed": self.formed, "broke": self.broke},
                    roles=roles, final=series(s), prestige=s.prestige[:, li].astype(np.float32),
                    history=self.history, leading=self.leading,
                    seconds=seconds)


def play_batch(g: Game, seeds, meta: Meta, on_turn: Optional[Callable[[int], None]] = None,
               log=None, difficulty: Optional[str] = None) -> tuple[Runs, State]:
    """Play these seeds to the end as one batch (``game.ai.play.play``: the computer in every
    seat) and keep the lab's columns."""
    from ..ai.play import play
    seeds = np.asarray(seeds, dtype=np.uint64).reshape(-1)
    rec = Recorder(g, len(seeds), on_turn)
    kw = {"difficulty": difficulty} if difficulty else {}
    t0 = time.perf_counter()
    s = play(g, seeds, log, on_turn=rec, **kw)
    runs = rec.runs(s, meta, time.perf_counter() - t0)
    return runs, s
