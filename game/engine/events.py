"""Historical moments and Lenin's failing health, at the start of each turn.

All triggers are read from the state as it stood when the turn began, then the effects of the
events that fire are applied in scenario order, so the interface can show exactly the events
that will fire (``firing``) before the player chooses.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import numpy as np

from . import mutate, rng
from .arith import clip
from .env import Env
from .jit import kernel
from .state import State

if TYPE_CHECKING:
    from ..content.schema import Event
    from .game import Game
    from .log import Log


def firing(g: "Game", s: State, forced: Optional[dict]) -> np.ndarray:
    """[B,E] which events fire this turn."""
    forced = forced or {}
    fire = np.zeros((s.batch, g.E), dtype=bool)
    live = _candidates(g, s, forced)
    if not len(live):
        return fire
    env = Env(g, s)
    # each candidate's draw is the one it has whichever events are candidates (k: the event)
    draws = rng.uniform(s.seed, s.turn, rng.SITES["event_chance"], live)
    may, drawn, somewhere = _drawn(draws, live, g.event_chance, g.event_once, s.fired, s.over)
    for j, e in enumerate(live.tolist()):
        ev = g.scenario.events[e]
        if ev.id in forced:
            forcing = np.asarray(forced[ev.id], dtype=bool)
            fire[:, e] = np.broadcast_to(forcing, (s.batch,)) & may[:, j]
            continue
        if not somewhere[j]:              # it fires nowhere; a trigger only reads: skip it
            continue
        ok = drawn[:, j]
        trig = g.event_trigger[e]
        if trig is not None:
            ok = ok & np.asarray(trig.fn(env), dtype=bool)
        fire[:, e] = ok
    return fire


@kernel
def _drawn(draws, live, chance, once, fired, over):
    """For the candidate events ``live`` [n] (``draws`` [B,n] theirs): [B,n] which may fire,
    [B,n] which may and are drawn by their chance, [n] drawn in some game."""
    B, n = draws.shape
    may = np.empty((B, n), dtype=np.bool_)
    drawn = np.empty((B, n), dtype=np.bool_)
    somewhere = np.zeros(n, dtype=np.bool_)
    for b in range(B):
        for j in range(n):
            e = live[j]
            # a once-only event that has fired does not fire again, nor does anything in a
            # game that is over
            may[b, j] = not (fired[b, e] and once[e]) and not over[b]
            drawn[b, j] = draws[b, j] < chance[e] and may[b, j]
            somewhere[j] |= drawn[b, j]
    return may, drawn, somewhere


def deciders(g: "Game", s: State, ev: "Event") -> np.ndarray:
    """[B] who decides the event ``ev`` in each game (a person index; -1: nobody, and the
    choice marked historical applies): the holder of its ``decider_post`` where the post is
    held, else its ``decider``. The one reading of an event's decider - for the computer's
    choice, a player's, the split between them, the log and the effects that name
    ``decider``: the grain crisis of 1928 is the General Secretary's to decide, whoever holds
    the post in that game."""
    out = np.full(s.batch, g.pidx.get(ev.decider, -1) if ev.decider else -1, dtype=np.int64)
    k = g.kidx.get(ev.decider_post, -1) if ev.decider_post else -1
    if k >= 0:
        held = s.holder[:, k].astype(np.int64)
        out = np.where(held >= 0, held, out)
    return out


def decider_of(g: "Game", s: State, ev: "Event", b: int = 0) -> Optional[str]:
    """The id of the man who decides ``ev`` in game ``b`` (``deciders``), or None."""
    who = int(deciders(g, s, ev)[b])
    return g.person_ids[who] if who >= 0 else None


def _candidates(g: "Game", s: State, forced: dict) -> np.ndarray:
    """Events that may fire this turn: due by date (a dated event fires in its month, or
    later if it is once-only and its trigger was not yet met), or undated with a trigger, and
    not already fired everywhere; forced ones always."""
    m0 = g.month(s.turn)
    m1 = m0 + g.turn_months
    when, once, has_trigger = g.event_when, g.event_once, g.event_has_trigger
    dated = when >= 0
    due = np.where(dated, (when < m1) & (once | (when >= m0)), has_trigger)
    due &= ~(once & s.fired.all(axis=0))
    for name in forced:
        e = g.eidx.get(name)
        if e is not None:
            due[e] = True
    return np.flatnonzero(due)


def health(g: "Game", s: State, log: Optional["Log"], forced: dict) -> None:
    """Decline and strokes; a person whose health runs out dies."""
    dt = g.turn_months
    damage = g.scenario.model.health.stroke_damage
    random_strokes = not forced.get("no_random_strokes", False)
    for i, person in enumerate(g.scenario.persons):
        key = f"stroke:{person.id}"
        if not (person.decline or person.stroke_risk or key in forced):
            continue
        alive = s.alive[:, i] & ~s.over
        if not alive.any() and key not in forced:          # dead in every game: nothing to do
            np.clip(s.health, 0, 1, out=s.health)
            continue
        s.health[alive, i] -= person.decline * dt
        stroke = np.zeros(s.batch, dtype=bool)
        if random_strokes and person.stroke_risk:
            u = rng.uniform(s.seed, s.turn, rng.SITES["stroke"], i)
            stroke = u < person.stroke_risk * dt
        if key in forced:
            stroke = np.broadcast_to(np.asarray(forced[key], dtype=bool), stroke.shape).copy()
        stroke &= alive
        s.health[stroke, i] -= damage
        dead = alive & (s.health[:, i] <= 0)
        mutate.kill(g, s, dead, i)
        if log is not None:
            for b in np.flatnonzero(stroke & ~dead):
                log.add(b, s, "stroke", [person.id],
                        f"{person.name} suffers a stroke (health {max(s.health[b, i], 0):.2f}).")
            for b in np.flatnonzero(dead):
                log.add(b, s, "death", [person.id], f"{person.name} dies.")
        np.clip(s.health, 0, 1, out=s.health)


def fire_events(g: "Game", s: State, choices: dict, log: Optional["Log"], chooser,
                forced: dict) -> None:
    fire = firing(g, s, forced)
    env = Env(g, s)
    for e in np.flatnonzero(fire.any(axis=0)):
        ev = g.scenario.events[e]
        mask = fire[:, e]
        s.fired[mask, e] = True
        # who decides, read as the event fires: its effects may name him (``decider``)
        env.decider = who = deciders(g, s, ev)
        env.unseated = []
        for eff in g.event_effects[e]:
            eff.fn(env, mask)
        picked = _choices(g, s, e, mask, choices, chooser)
        for c, effs in enumerate(g.choice_effects[e]):
            here = mask & (picked == c)
            for eff in effs:
                eff.fn(env, here)
        if log is not None:
            for b in np.flatnonzero(mask):
                log.event(g, s, int(b), int(e), int(picked[b]) if ev.choices else None,
                          int(who[b]), [(name, args) for games, name, args in env.unseated
                                        if games[b]])
    env.decider, env.unseated = None, []


def _choices(g: "Game", s: State, e: int, mask: np.ndarray, choices: dict, chooser) -> np.ndarray:
    ev = g.scenario.events[e]
    picked = np.full(s.batch, g.historical_choice[e], dtype=np.int64)
    if not ev.choices:
        return picked
    if chooser is not None:
        picked = np.asarray(chooser(g, s, e, mask), dtype=np.int64)
    given = choices.get(ev.id)
    if given is not None:
        if isinstance(given, str):
            given = [c.id for c in ev.choices].index(given)
        given = np.broadcast_to(np.asarray(given), (s.batch,))
        picked = np.where(given >= 0, given, picked)
    return clip(picked, 0, len(ev.choices) - 1)
