"""The engine's side of the expression grammar: reading and changing a State for a batch.

Compiled scenario expressions (game.content.expr) only ever touch a game through this class.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from . import power, rng
from .arith import clip
from .state import AXES, BODY, IND, State

if TYPE_CHECKING:
    from .game import Game

_AXIS = {a: i for i, a in enumerate(AXES)}
_COHORT = {"old": 0, "civil_war": 1, "recruits": 2}
_LEVEL = {"politburo": 0, "central_committee": 1, "party": 2}


class Env:
    def __init__(self, g: "Game", state: State, mask: np.ndarray | None = None):
        self.g, self.state = g, state
        self.batch = state.batch
        self.turn = state.turn
        self.month = g.month(state.turn)
        self.structural = g.structural      # the historiography setting, for expressions
        # [B] the man who decides the event whose effects run (events.deciders): what an
        # event's effect names ``decider``; None outside an event
        self.decider = None
        # (games [B], effect, args) of each appoint() or enter() whose man, dead or expelled,
        # took nothing (mutate.unseatable), for the event's record (Log.event)
        self.unseated = []

    # ------------------------------------------------------------------ reading
    def get(self, kind: str, field: str, index: int) -> np.ndarray:
        s = self.state
        if kind == "person":
            return self._person(field, index)
        if kind == "region":
            if field == "members":
                return s.members[:, index].astype(np.float64)
            if field == "loyalty":
                return s.sec_loyalty[:, index].astype(np.float64)
            if field in _COHORT:
                return s.cohorts[:, index, _COHORT[field]].astype(np.float64)
            return s.lean[:, index, _AXIS[field]].astype(np.float64)
        if kind == "indicator":
            if field == "scissors":
                return (s.ind[:, IND["industrial_prices"]]
                        / np.maximum(s.ind[:, IND["agricultural_prices"]], 1.0)).astype(np.float64)
            return s.ind[:, IND[field]].astype(np.float64)
        if kind == "flag":
            return s.flags[:, self.g.fidx.get(field, index)].copy()
        if kind == "policy":
            return s.policy[:, index].astype(np.float64)
        raise KeyError(kind)

    def _person(self, field: str, i: int) -> np.ndarray:
        s = self.state
        if field == "active":
            return self.g.active(s)[:, i]
        if field in ("alive", "expelled", "silenced"):
            return getattr(s, field)[:, i].copy()
        if field == "defiant":
            from .defiance import defiant
            return defiant(self.g, s)[:, i]
        if field in _AXIS:
            return s.ideology[:, i, _AXIS[field]].astype(np.float64)
        return getattr(s, field)[:, i].astype(np.float64)

    # ------------------------------------------------------------------ writing
    def set(self, kind: str, field: str, index: int, value: np.ndarray, mask: np.ndarray) -> None:
        s = self.state
        v = np.broadcast_to(np.asarray(value), (self.batch,))
        m = np.asarray(mask, dtype=bool)
        if kind == "person":
            if field in _AXIS:
                arr, col = s.ideology[:, index], _AXIS[field]
                arr[m, col] = clip(v[m], -1, 1)
            elif field == "prestige":
                s.prestige[m, index] = clip(v[m], 0, 100)
            elif field in ("health", "loyalty"):
                getattr(s, field)[m, index] = clip(v[m], 0, 1)
            else:
                raise KeyError(field)
        elif kind == "region":
            if field == "members":
                s.members[m, index] = np.maximum(v[m], 0.1)
            elif field == "loyalty":
                s.sec_loyalty[m, index] = clip(v[m], 0, 1)
            elif field in _AXIS:
                s.lean[m, index, _AXIS[field]] = clip(v[m], -1, 1)
            else:
                raise KeyError(field)
        elif kind == "indicator":
            s.ind[m, IND[field]] = np.maximum(v[m], 0.0)
        elif kind == "flag":
            s.flags[m, self.g.fidx.get(field, index)] = v[m].astype(bool)
        elif kind == "policy":
            s.policy[m, index] = v[m].astype(np.int8)
        else:
            raise KeyError(kind)

    # ------------------------------------------------------------------ functions
    def call(self, name: str, args: tuple) -> np.ndarray:
        g, s = self.g, self.state
        if name == "holds":
            return s.holder[:, args[1]] == args[0]
        if name == "member":
            return s.member[:, args[0], args[1]] & ~s.expelled[:, args[0]]
        if name == "in_bloc":
            return s.bloc[:, args[1], args[0]].copy()
        if name == "allied":
            return power.allied_with(s, np.full(s.batch, args[1]))[:, args[0]]
        if name == "controls":
            return s.sec_patron[:, args[1]] == args[0]
        if name == "fired":
            return s.fired[:, args[0]].copy()
        if name == "politburo_majority":
            return power.politburo_majority(s, g.active(s))[:, args[0]]
        if name == "delegate_share":
            return power.delegate_share(s, g.params, g.structural)[:, args[0]].astype(np.float64)
        if name == "cc_share":
            return power.cc_share(s, g.active(s))[:, args[0]].astype(np.float64)
        if name == "leads":
            return power.leading(s, g.active(s), g.params, g.structural, g.leaders) == args[0]
        raise KeyError(name)

    def chance(self, p: np.ndarray, site: int) -> np.ndarray:
        return rng.uniform(self.state.seed, self.turn, site) < np.asarray(p, dtype=np.float64)

    # ------------------------------------------------------------------ effects
    def do(self, name: str, args: tuple, mask: np.ndarray) -> None:
        from . import mutate
        m = np.asarray(mask, dtype=bool)
        if not m.any():
            return
        if name in mutate.SEATING:
            out = m & mutate.unseatable(self.state, args[0])
            if out.any():
                self.unseated.append((out, name, args))
        getattr(mutate, name)(self.g, self.state, m, *args)

    def the_decider(self) -> np.ndarray:
        """[B] the event's decider, for an effect that names ``decider``."""
        if self.decider is None:
            raise RuntimeError("`decider` names the man who decides an event: only an event's "
                               "effects may name him (the scenario check says so)")
        return self.decider


__all__ = ["Env", "BODY"]
