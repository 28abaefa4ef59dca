"""The frozen half of a game: a compiled scenario, and the verbs everything else drives.

``Game`` holds no per-game data; the ``State`` (batch-first arrays) does. The interface, the
rivals, the what-if lab, the replay and the tests all use the same few verbs:
``new_state``, ``legal_actions``/``why_illegal``, ``pending_events``, ``step``, ``is_over``,
``outcome``. There is no second path into the rules.
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import Callable, Optional

import numpy as np

from ..content.grammar import turn_of
from ..content.schema import Scenario
from . import actions as _actions
from . import params as _params
from .power import active as _active, bits_against as _bits_against
from .calendar import date_str, month_index
from .jit import kernel
from .state import AXES, BODIES, BODY, INDICATORS, IND, State

ENGINE_FLAGS = ("faction_ban", "testament_written", "testament_published", "testament_suppressed",
                "postscript_written")
MULT_MODIFIERS = ("speech", "polemic", "testament_damage", "fear")
ADD_MODIFIERS = ("appoint_loyalty", "alliance", "ap")
LEVELS = ("politburo", "central_committee", "party")

Chooser = Callable[["Game", State, int, np.ndarray], np.ndarray]


@dataclass(frozen=True)
class Compiled:
    """An expression compiled once for the whole batch."""
    text: str
    fn: Callable


def _site(owner: str) -> int:
    return (1 << 14) + zlib.crc32(owner.encode()) % (1 << 24)


class Game:
    """A scenario compiled for play. Immutable once built."""

    def __init__(self, scenario: Scenario):
        self.scenario = scenario
        sc = scenario
        self.params = _params.merged(sc.model.params)
        self.structural = float(sc.historiography.structural)
        self.weights = sc.model.weights
        self.incapacitated = sc.model.health.incapacitated
        self.person_ids = tuple(p.id for p in sc.persons)
        self.post_ids = tuple(k.id for k in sc.posts)
        self.region_ids = tuple(r.id for r in sc.regions)
        self.bloc_ids = tuple(b.id for b in sc.blocs)
        self.policy_ids = tuple(q.id for q in sc.policies)
        self.motion_ids = tuple(m.id for m in sc.motions)
        self.event_ids = tuple(e.id for e in sc.events)
        self.sitting_ids = tuple(s.id for s in sc.sittings)
        self.flag_ids = tuple(sc.flags) + tuple(f for f in ENGINE_FLAGS if f not in sc.flags)
        self.role_ids = tuple(v.role for v in sc.victory)
        self.pidx = {k: i for i, k in enumerate(self.person_ids)}
        self.kidx = {k: i for i, k in enumerate(self.post_ids)}
        self.ridx = {k: i for i, k in enumerate(self.region_ids)}
        self.lidx = {k: i for i, k in enumerate(self.bloc_ids)}
        self.qidx = {k: i for i, k in enumerate(self.policy_ids)}
        self.midx = {k: i for i, k in enumerate(self.motion_ids)}
        self.eidx = {k: i for i, k in enumerate(self.event_ids)}
        self.sidx = {k: i for i, k in enumerate(self.sitting_ids)}
        self.fidx = {k: i for i, k in enumerate(self.flag_ids)}
        self.P, self.K, self.R = len(self.person_ids), len(self.post_ids), len(self.region_ids)
        self.L, self.Q, self.E = len(self.bloc_ids), len(self.policy_ids), len(self.event_ids)
        self.policy_levels = tuple(np.array([o.level for o in q.options], dtype=np.float32)
                                   for q in sc.policies)     # each option's level (-1..1)
        self.leaders = np.array([p.leader for p in sc.persons], dtype=bool)
        self.names = {p.id: p.name for p in sc.persons}
        self.pronouns = tuple(p.pronoun for p in sc.persons)     # for the texts (votes.words)
        self._build_posts()
        self._build_modifiers()
        self._build_calendar()
        self._compile_expressions()
        self.outcomes = tuple(self.person_ids[i] for i in np.flatnonzero(self.leaders)) + (
            "collapse",)

    # ---------------------------------------------------------------- construction
    def _build_posts(self) -> None:
        sc = self.scenario
        self.post_powers = np.zeros((self.K, len(_actions.POWERS)), dtype=bool)
        for k, post in enumerate(sc.posts):
            for pw in post.powers:
                self.post_powers[k, _actions.POWER[pw]] = True
        # each power's posts, for holds_power
        self.power_posts = {pw: np.flatnonzero(self.post_powers[:, i])
                            for pw, i in _actions.POWER.items()}
        # the posts carrying any of a set of powers, as holds_power is first asked for them
        self._posts_with: dict[tuple[str, ...], np.ndarray] = {}
        self.post_ap = np.array([k.action_points for k in sc.posts], dtype=np.float32)
        self.post_deputy = np.array([self.pidx[k.deputy] if k.deputy else -1 for k in sc.posts],
                                    dtype=np.int64)
        self.post_prestige = np.array([k.prestige for k in sc.posts], dtype=np.float32)
        self.post_region = np.array([self.ridx.get(k.region, -1) if k.region else -1
                                     for k in sc.posts], dtype=np.int16)
        self.post_removed_by = tuple(k.removed_by for k in sc.posts)
        self.bloc_secret = np.array([b.secret for b in sc.blocs], dtype=bool)
        self.bloc_open_to = np.zeros((self.L, self.P), dtype=bool)
        against = np.zeros((self.L, self.P), dtype=bool)
        for l, b in enumerate(sc.blocs):
            if b.open_to:
                for pid in b.open_to:
                    self.bloc_open_to[l, self.pidx[pid]] = True
            else:
                self.bloc_open_to[l] = self.leaders
            against[l, [self.pidx[pid] for pid in b.against]] = True
        # [P] the blocs formed against each person, as the bits of power.bloc_bits
        self.against_bits = _bits_against(against)

    def _build_modifiers(self) -> None:
        traits = self.scenario.model.traits
        self.mod = {m: np.ones(self.P, dtype=np.float32) for m in MULT_MODIFIERS}
        self.mod.update({m: np.zeros(self.P, dtype=np.float32) for m in ADD_MODIFIERS})
        for i, person in enumerate(self.scenario.persons):
            for t in person.traits:
                for m, v in traits.get(t, {}).items():
                    if m in MULT_MODIFIERS:
                        self.mod[m][i] *= v
                    elif m in ADD_MODIFIERS:
                        self.mod[m][i] += v

    def _build_calendar(self) -> None:
        cal = self.scenario.calendar
        self.start = month_index(cal.start)
        self.end = month_index(cal.end)
        self.turn_months = int(cal.turn_months)
        self.n_turns = (self.end - self.start) // self.turn_months + 1
        self.sitting_at: dict[int, int] = {}
        for i, s in enumerate(self.scenario.sittings):
            t = turn_of(month_index(s.date), self.start, self.turn_months)
            if 0 <= t < self.n_turns:
                self.sitting_at[t] = i
        self._build_seats()

    def _build_seats(self) -> None:
        """``politburo_seats`` [n_turns]: the Politburo's full seats in each turn - the
        scenario's number, then from a congress's turn the number it sets. The calendar is
        shared, so this is data, not state. No number given: as many seats as persons (no
        limit). ``seats_limited``: the scenario, or a congress it holds, gives a number;
        ``seats_given`` [n_turns]: a number is in force in that turn."""
        sc = self.scenario
        unlimited = self.P
        given = sc.politburo_seats
        seats = np.full(self.n_turns, unlimited if given is None else given, dtype=np.int64)
        in_force = np.full(self.n_turns, given is not None)
        for t in sorted(self.sitting_at):
            n = sc.sittings[self.sitting_at[t]].politburo_seats
            if n is not None:
                seats[t:] = n
                in_force[t:] = True
                given = n
        self.politburo_seats = seats
        self.seats_given = in_force
        self.seats_limited = given is not None

    def _compile_expressions(self) -> None:
        from ..content import expr
        ctx = expr.CompileContext.from_scenario(self.scenario)
        self.ctx = ctx

        def pred(text: str, owner: str) -> Optional[Compiled]:
            return Compiled(text, expr.compile_predicate(text, ctx, _site(owner))) if text else None

        def effects(texts, owner: str) -> tuple[Compiled, ...]:
            return tuple(Compiled(t, expr.compile_effect(t, ctx, _site(f"{owner}#{n}")))
                         for n, t in enumerate(texts))

        sc = self.scenario
        self.event_trigger = tuple(pred(e.trigger, e.id) for e in sc.events)
        self.event_effects = tuple(effects(e.effects, e.id) for e in sc.events)
        self.choice_effects = tuple(tuple(effects(c.effects, f"{e.id}.{c.id}") for c in e.choices)
                                    for e in sc.events)
        self.event_month = tuple(month_index(e.date) if e.date else None for e in sc.events)
        self.event_when = np.array([-1 if m is None else m for m in self.event_month],
                                   dtype=np.int64)
        self.event_once = np.array([e.once for e in sc.events], dtype=bool)
        self.event_chance = np.array([e.chance for e in sc.events], dtype=np.float64)
        self.event_has_trigger = np.array([bool(e.trigger) for e in sc.events], dtype=bool)
        self.motion_when = tuple(pred(m.when, m.id) for m in sc.motions)
        self.bloc_when = tuple(pred(b.when, b.id) for b in sc.blocs)
        # the men no motion may be moved against while their ``inviolable.when`` holds
        self.inviolable = tuple((i, pred(p.inviolable.when, f"{p.id}.inviolable"))
                                for i, p in enumerate(sc.persons) if p.inviolable is not None)
        self.motion_effects = tuple(effects(m.effects, m.id) for m in sc.motions)
        self.win_aims = tuple(tuple(pred(a.expr, f"win.{v.role}.{n}") for n, a in enumerate(v.win))
                              for v in sc.victory)
        self.lose_aims = tuple(tuple(pred(a.expr, f"lose.{v.role}.{n}")
                                     for n, a in enumerate(v.lose)) for v in sc.victory)
        self.shared_loss = pred(sc.shared_loss.expr, "shared_loss") if sc.shared_loss else None
        from .log import mentioned
        self.event_persons = tuple(mentioned(e, self.person_ids) for e in sc.events)
        self.historical_choice = tuple(
            next((n for n, c in enumerate(e.choices) if c.historical), 0) for e in sc.events)

    # ---------------------------------------------------------------- state
    def new_state(self, seeds) -> State:
        """A batch of fresh games, one per seed."""
        from .setup import initial_state
        return initial_state(self, np.asarray(seeds, dtype=np.uint64).reshape(-1))

    def month(self, turn: int) -> int:
        return self.start + turn * self.turn_months

    def date(self, turn: int) -> str:
        return date_str(self.month(turn))

    def seats_at(self, turn: int) -> int:
        """The Politburo's full seats in that turn (see _build_seats)."""
        return int(self.politburo_seats[min(max(turn, 0), self.n_turns - 1)])

    # ---------------------------------------------------------------- verbs
    def legal_actions(self, state: State, b: int, actor: str | int) -> list["_actions.Action"]:
        """Every action ``actor`` may take now in game ``b``, with its cost and label."""
        return _actions.enumerate_legal(self, state, b, self._p(actor))

    def why_illegal(self, state: State, b: int, action: "_actions.Action") -> Optional[str]:
        """None if legal, else a sentence a player can read."""
        return _actions.why_illegal(self, state, b, action)

    def action(self, actor: str, kind: str, target: Optional[str] = None,
               arg: Optional[str] = None, arg2: Optional[str] = None) -> "_actions.Action":
        """Build an action from ids (as the scenario's script and the saves write them)."""
        return _actions.from_ids(self, actor, kind, target, arg, arg2)

    def pending_events(self, state: State, b: int, forced: Optional[dict] = None) -> list[int]:
        """Events that will fire at the start of this turn in game ``b`` (for the interface).

        Health comes first in a turn (a stroke or a death can set off an event), so it is
        played out on a copy before the triggers are read — exactly as ``step`` will."""
        from .events import firing, health
        one = state.take([b])
        health(self, one, None, forced or {})
        fire = firing(self, one, forced)
        return [e for e in range(self.E) if fire[0, e]]

    def step(self, state: State, moves=None, choices: Optional[dict] = None, log=None,
             chooser: Optional[Chooser] = None, forced: Optional[dict] = None) -> State:
        """Resolve one turn for every game in the batch (in place; returns the state).

        Order: events fire (health first), actions resolve, bodies vote, posts left vacant
        are filled, the economy steps, the calendar advances. ``moves``: per-game lists of
        Actions, or an int array [B, S, 5] of (kind, actor, target, arg, arg2) with -1
        padding, or a callable that is given the state once the events have fired and
        returns either of those.
        """
        from .turn import resolve_turn
        return resolve_turn(self, state, moves, choices or {}, log, chooser, forced or {})

    def is_over(self, state: State) -> np.ndarray:
        return state.over.copy()

    def outcome(self, state: State, b: int) -> dict:
        from .victory import outcome
        return outcome(self, state, b)

    # ---------------------------------------------------------------- helpers
    def comintern_options(self) -> tuple[str, ...]:
        q = self.qidx.get("comintern")
        return tuple(o.id for o in self.scenario.policies[q].options) if q is not None else ()

    def _p(self, person: str | int) -> int:
        return self.pidx[person] if isinstance(person, str) else int(person)

    def active(self, state: State) -> np.ndarray:
        return _active(state, self.incapacitated)

    def holds_power(self, state: State, *powers: str) -> np.ndarray:
        """[B,P] holds at least one post carrying any of ``powers``."""
        posts = self._posts_with.get(powers)
        if posts is None:
            posts = np.unique(np.concatenate([self.power_posts[pw] for pw in powers]))
            self._posts_with[powers] = posts
        return _holding(np.ascontiguousarray(state.holder), posts, self.P)


@kernel
def _holding(holder, posts, P):
    """[B,P] holds one of ``posts`` (``holder`` [B,K], -1 vacant: nobody)."""
    B = holder.shape[0]
    out = np.zeros((B, P), dtype=np.bool_)
    for b in range(B):
        for j in range(posts.shape[0]):
            h = holder[b, posts[j]]
            if 0 <= h < P:
                out[b, h] = True
    return out


__all__ = ["Game", "AXES", "BODIES", "BODY", "INDICATORS", "IND", "LEVELS"]
