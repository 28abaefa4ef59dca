"""Who takes a post that falls free: a removal's successor, and the posts left vacant when
their holder dies, is expelled or is removed by an event.

One rule serves both: a post goes to one of the patron's men — his best-placed client, else
his best-placed ally, a man without a post before one who has one — and to the patron himself
only when he has no one to put there. The men who took Trotsky's, Zinoviev's and Kamenev's
posts were the victors' followers (Frunze and Voroshilov, Kirov, Uglanov, Bukharin), not the
General Secretary; Rykov followed Lenin at the Council of People's Commissars within days.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import numpy as np

from . import mutate, power
from .state import State

if TYPE_CHECKING:
    from .game import Game
    from .log import Log


def successor(g: "Game", s: State, patron: np.ndarray, target: np.ndarray,
              named: np.ndarray) -> np.ndarray:
    """[B] who takes a post: ``named`` where given (>= 0), else ``patron``'s man (see the
    module docstring); never ``target`` (the man losing it) nor anyone who cannot act."""
    act = g.active(s)
    P = g.P
    me = np.arange(P)[None, :] == patron[:, None]                               # [B,P]
    client = s.patron == patron[:, None]
    ally = power.allied_with(s, patron) & ~me
    score = 20.0 * client + 10.0 * ally + 5.0 * me + s.prestige / 100.0 \
        - 2.0 * (power.holds_any_post(s) & ~me)
    score = np.where(act & (np.arange(P)[None, :] != target[:, None]), score, -1.0)
    best = np.argmax(score, axis=1)
    return np.where(named >= 0, named, best)


def fill_vacancies(g: "Game", s: State, held_before: np.ndarray,
                   log: Optional["Log"]) -> None:
    """Posts held when the turn began and vacant at its end (a death, an expulsion, an event)
    are filled by the Central Committee: the post's deputy steps in if the scenario names one
    and he is able (Rykov, Lenin's deputy at Sovnarkom), else the party's leading figure puts
    in his man. A post the scenario leaves vacant from the start stays so until something
    fills it."""
    free = (held_before >= 0) & (s.holder < 0) & ~s.over[:, None]             # [B,K]
    if not free.any():
        return
    # worked out in the games where a post fell free, a few of a large batch's (each game's
    # leading figure and successor are its own)
    games = np.flatnonzero(free.any(axis=1))
    act = g.active(s)
    leader = np.full(s.batch, -1)
    leader[games] = power.leading(s.rows(games), act[games], g.params, g.structural, g.leaders)
    for k in np.flatnonzero(free.any(axis=0)):
        here = free[:, k]
        deputy = np.full(s.batch, g.post_deputy[k])
        if g.post_deputy[k] >= 0:
            deputy = np.where(act[:, g.post_deputy[k]], deputy, -1)
        b = np.flatnonzero(here)
        who = np.full(s.batch, -1)
        # read afresh for each post: the posts filled before it count against a man
        who[b] = successor(g, s.rows(b), leader[b], np.full(len(b), -1), deputy[b])
        mutate.appoint(g, s, here, who, k)
        if log is not None:
            post = g.scenario.posts[k].name
            for b in np.flatnonzero(here):
                old, new = g.person_ids[int(held_before[b, k])], g.person_ids[int(who[b])]
                chooser = g.person_ids[int(leader[b])]
                how = "his deputy" if deputy[b] >= 0 else f"{g.names[chooser]}'s choice"
                log.add(int(b), s, "appointment", [new, old, chooser],
                        f"The Central Committee names {g.names[new]} {post} in place of "
                        f"{g.names[old]} ({how}).", post=g.scenario.posts[k].id)
