"""How a computer leader decides an event: he tries each choice on a copy of the game and keeps
the one that leaves him best placed — his standing against the men he fears, his role's aims,
the peasants' mood if the alliance with them is in danger — leaning towards what history chose.
"""
from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING

import numpy as np

from ..engine import defiance, rng
from ..engine.env import Env
from ..engine.events import deciders
from ..engine.state import IND, State
from .character import Characters
from .context import Context

if TYPE_CHECKING:
    from ..engine.game import Game
    from .rivals import Rivals

HISTORY = 0.02            # a leader's lean towards the historical choice, in standing
# what the party's memory of his defiance may cost a beaten man (his party card: a lost aim
# weighs 0.3), in standing, as far as his principles let him weigh it (``_submission``)
EXPULSION_RISK = 0.2
SITE = rng.SITES["choice"]
_FIELDS = frozenset(f.name for f in fields(State))


class Chooser:
    def __init__(self, rivals: "Rivals", historical_only: bool = False):
        self.r = rivals
        self.historical_only = historical_only
        g = rivals.g
        self.role = {g.pidx[v.role]: i for i, v in enumerate(g.scenario.victory)
                     if v.role in g.pidx}
        self._cut: dict = {}                # p -> (the characters, p's alone): ``_alone``

    def __call__(self, g: "Game", s: State, e: int, mask: np.ndarray) -> np.ndarray:
        ev = g.scenario.events[e]
        hist = np.full(s.batch, g.historical_choice[e], dtype=np.int64)
        if self.historical_only or ev.misled or len(ev.choices) < 2:
            return hist
        out = hist.copy()
        who = deciders(g, s, ev)            # the post's holder decides, game by game
        for p in np.unique(who[mask]).tolist():
            if p >= 0 and g.leaders[p]:
                idx = np.flatnonzero(mask & (who == p))
                out[idx] = self._pick(g, s, e, idx, p)
        return out

    def _pick(self, g: "Game", s: State, e: int, idx: np.ndarray, p: int) -> np.ndarray:
        """The choice ``p`` makes of event ``e`` in the games ``idx``."""
        ev = g.scenario.events[e]
        score = np.stack([self._worth_of(g, _Trial(s, idx), e, c, p)
                          for c in range(len(ev.choices))], axis=1)
        score[:, g.historical_choice[e]] += HISTORY
        noise = self.r.dif.choice_noise
        if noise:
            u = rng.normal(s.seed[idx], s.turn, SITE, e * 16 + np.arange(len(ev.choices)))
            score = score + noise * u
        return np.argmax(score, axis=1)

    def _alone(self, p: int) -> "Characters":
        """The rivals' characters cut down to ``p``'s: a Context for him alone weighs the
        threats he feels, not every leader's (the same values, each leader's are his own).
        Cut once for each leader, and again if the rivals' characters are replaced."""
        ch = self.r.ch
        kept = self._cut.get(p)
        if kept is None or kept[0] is not ch:
            n = int(np.flatnonzero(ch.lead == p)[0])
            kept = self._cut[p] = (ch, Characters(**{f.name: getattr(ch, f.name)[n:n + 1]
                                                     for f in fields(ch)}))
        return kept[1]

    def worth_after(self, g: "Game", sub: State, e: int, c: int, p: int) -> np.ndarray:
        """[B] how well placed ``p`` is once choice ``c`` of event ``e`` has taken effect
        (tried on a copy of the games ``sub``)."""
        return self._worth_of(g, sub.copy(), e, c, p)

    def _worth_of(self, g: "Game", trial: "State | _Trial", e: int, c: int,
                  p: int) -> np.ndarray:
        """``worth_after`` on ``trial`` itself, which the choice's effects change."""
        env = Env(g, trial)
        env.decider = np.full(trial.batch, p, dtype=np.int64)      # he decides: ``decider``
        every = np.ones(trial.batch, dtype=bool)
        for eff in g.choice_effects[e][c]:
            eff.fn(env, every)
        return self.worth(g, trial, p, env)

    def worth(self, g: "Game", s: "State | _Trial", p: int, env: Env) -> np.ndarray:
        """[B] how well placed ``p`` is: his standing less the standing of those he fears,
        his role's aims, the peasants' mood in a crisis."""
        ctx = Context(g, s, self._alone(p), np.zeros(g.P, dtype=bool), 0.0)
        st = ctx.standing
        value = st[:, p] - (ctx.rho[:, 0, :] * st).sum(axis=1) * 0.5
        v = self.role.get(p)
        if v is not None:
            aims = g.win_aims[v]
            held = sum(np.asarray(a.fn(env), dtype=np.float64) for a in aims) if aims else 0.0
            lost = sum(np.asarray(a.fn(env), dtype=np.float64) for a in g.lose_aims[v]) \
                if g.lose_aims[v] else 0.0
            value = value + 0.03 * held - 0.3 * lost
        mood = s.ind[:, IND["peasant_mood"]]
        value = value + 0.002 * np.clip(40.0 - mood, 0.0, None) * -1.0
        return value + self._submission(g, s, p)

    def _submission(self, g: "Game", s: State, p: int) -> np.ndarray:
        """[B] what his standing with the party is worth to ``p``: defiance may cost him his
        party card, a recantation keeps it - weighed the less, the more principled he is.
        Zinoviev, Kamenev and the Right recanted when the party demanded it (001: "Dec: 15th
        Party Congress: Zinoviev and Kamenev end the United Opposition"; the Right's statement
        of November 1929 is general history); Trotsky, the most principled, never did. Without
        it the computer Bukharin refused the Right's recantation in nineteen games in twenty."""
        yielding = float(np.clip(2.0 - self._alone(p).principle[0], 0.0, 1.0)) ** 2
        stand = defiance.standing_with_party(g, s)[:, p]
        return -EXPULSION_RISK * yielding * stand


class _Trial:
    """The games ``index`` of a State, to try a choice on: each array is gathered, a copy of
    its own for the choice's effects to change, when first read. A choice's effects and the
    valuation read a handful of the state's arrays, and not at all the largest (what each
    man knows of the others' doings), which a copy of the whole state would copy for each
    choice."""

    def __init__(self, state: State, index: np.ndarray):
        self._state, self._index = state, index

    def __getattr__(self, name: str):
        if name not in _FIELDS:     # not a method of the whole state's (copy, take, rows)
            raise AttributeError(f"a choice's trial has no {name!r}")
        value = getattr(self._state, name)
        if isinstance(value, np.ndarray):
            value = value.take(self._index, axis=0)        # a copy: the state is not touched
        setattr(self, name, value)          # later reads (and writes) find this copy
        return value

    @property
    def batch(self) -> int:
        return len(self._index)
