"""Playing whole games: the computer at every seat, or a scripted stand-in for the human at one
(simulate, the strength table, the lab, the tests).

Players decide after the turn's events have fired (Lenin's death, a bloc formed by an event)
so that they never choose what has just become impossible. If the engine resolves a callable
``moves`` between the events and the actions (``game.engine.turn.MOVES_AFTER_EVENTS``), the
decision is taken there; otherwise the events are previewed on a copy of the state — the same
events, since every draw is a pure function of the seed and the turn.
"""
from __future__ import annotations

from typing import Callable, Optional

import numpy as np

from ..engine import turn as _turn
from ..engine.events import deciders
from ..engine.game import Game
from ..engine.log import Log
from ..engine.state import State
from .rivals import Rivals


def step(g: Game, s: State, rivals: Rivals, seat: Optional[int] = None, scripted=None,
         log: Optional[Log] = None, forced: Optional[dict] = None) -> State:
    """Resolve one turn: ``scripted`` (if any) plays ``seat``, the rivals everyone else."""
    def decide(view: State) -> np.ndarray:
        first = scripted.moves(view) if scripted is not None else None
        skip = (seat,) if seat is not None else ()
        rest = rivals.moves(view, skip=skip, prior=first)
        return rest if first is None else np.concatenate([first, rest], axis=1)

    chooser = rivals.choose
    if scripted is not None:
        chooser = _split_chooser(g, seat, scripted.choose, rivals.choose)
    if getattr(_turn, "MOVES_AFTER_EVENTS", False):
        return g.step(s, decide, log=log, chooser=chooser, forced=forced)
    return g.step(s, decide(preview(g, s, chooser, forced)), log=log, chooser=chooser,
                  forced=forced)


def preview(g: Game, s: State, chooser=None, forced: Optional[dict] = None) -> State:
    """The state as the players see it this turn: after the turn's events have fired."""
    from ..engine import events
    view = s.copy()
    if view.over.all():
        return view
    events.health(g, view, None, forced or {})
    events.fire_events(g, view, {}, None, chooser, forced or {})
    return view


def _split_chooser(g: Game, seat: int, mine, theirs):
    """``mine`` chooses in the games where ``seat`` decides the event (events.deciders: the
    holder of a post may differ game by game), ``theirs`` in the others."""
    def choose(g_, s, e, mask):
        his = deciders(g, s, g.scenario.events[e]) == seat
        if not (mask & ~his).any():
            return mine(g_, s, e, mask)
        if not (mask & his).any():
            return theirs(g_, s, e, mask)
        return np.where(his, mine(g_, s, e, mask & his), theirs(g_, s, e, mask & ~his))
    return choose


def play(g: Game, seeds, log: Optional[Log] = None, policy: Optional[Rivals] = None,
         on_turn: Optional[Callable[[State], None]] = None, *, seat: Optional[str] = None,
         scripted=None, difficulty: str = "normal") -> State:
    """Play a batch of games to the end: the computer at every seat, or ``scripted`` (a policy
    name or object from game.ai.policies) at ``seat`` (a person id)."""
    rivals = policy or Rivals(g, difficulty, warm_up=False)
    p = g.pidx[seat] if seat is not None else None
    if isinstance(scripted, str):
        from .policies import make
        scripted = make(g, seat, scripted)
    s = g.new_state(seeds)
    while not s.over.all():
        step(g, s, rivals, p, scripted, log)
        if on_turn is not None:
            on_turn(s)
    return s


def play_one(g: Game, seed: int, policy: Optional[Rivals] = None, **kw) -> tuple[State, Log]:
    log = Log(g, 1)
    s = play(g, np.array([seed]), log, policy, **kw)
    return s, log
