"""How persons look everywhere in the interface: one colour and one portrait per person."""
from __future__ import annotations

import numpy as np
import pygame

from game.ui import art
from game.ui.fonts import font_path
from game.ui.palette import Palette, mix

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def long_date(date: str) -> str:
    """'1923-03' -> 'March 1923'."""
    try:
        y, m = date.split("-")
        return f"{MONTHS[int(m) - 1]} {y}"
    except (ValueError, IndexError):
        return date


def colour_index(session, pid: str) -> int | None:
    """Leaders take the palette's series in scenario order; others have none."""
    order = getattr(session, "_leader_order", None)
    if order is None:
        g = session.g
        order = {p: i for i, p in enumerate(p for p, lead in zip(g.person_ids, g.leaders) if lead)}
        session._leader_order = order
    return order.get(pid)


def colour(session, pal: Palette, pid: str | None):
    if pid is None:
        return pal.muted
    i = colour_index(session, pid)
    if i is not None:
        return pal.person_colour(i)
    patron = int(session.state.patron[0, session.p(pid)])
    if patron >= 0 and session.g.leaders[patron]:
        return mix(colour(session, pal, session.g.person_ids[patron]), pal.paper, 0.45)
    return pal.muted


def state_of(session, pid: str, turn: int | None = None) -> str:
    """"dead", "fallen" (expelled, or out of the Politburo) or "": now, or during ``turn``
    (before its votes: a man expelled by a vote of that month had not fallen when it was
    taken; a man who died that month had, as deaths come first in the turn)."""
    s, i = session.state, session.p(pid)
    if turn is None:
        if not s.alive[0, i]:
            return "dead"
        if s.expelled[0, i] or s.fell_turn[0, i] >= 0:
            return "fallen"
        return ""
    died = death_turn(session, pid) if not s.alive[0, i] else None
    if died is not None and died <= turn:
        return "dead"
    if any(0 <= int(arr[0, i]) < turn for arr in (s.expelled_turn, s.fell_turn)):
        return "fallen"
    return ""


def death_turn(session, pid: str) -> int:
    """The turn of the first death record naming the dead man ``pid``; -1 when none does (he
    died before the game began, as Lenin has in a start after January 1924)."""
    for r in session.records:
        if r.get("kind") == "death" and pid in r.get("persons", ()):
            return int(r.get("turn", 0))
    return -1


def initials(name: str) -> str:
    parts = [w for w in name.replace("-", " ").split() if w[:1].isalpha()]
    return (parts[-1][:2] if parts else name[:2]).upper()


def portrait(session, pal: Palette, pid: str, size: int, badge: bool = True,
             turn: int | None = None) -> pygame.Surface:
    """``pid``'s portrait, crossed out once he has fallen or died: as he is now, or as he was
    during ``turn`` (a past vote shows its voters as they were when they voted)."""
    person = session.person(pid)
    ci = colour_index(session, pid)
    return art.portrait(pid, size, pal, initials=(person.portrait or initials(person.name))[:3] if badge else "",
                        state=state_of(session, pid, turn), font_path=font_path("display"),
                        colour_index=ci if ci is not None else 7)


def bodies_of(session, pid: str) -> list[str]:
    from game.engine.state import BODIES
    row = session.state.member[0, session.p(pid)]
    return [b for b, on in zip(BODIES, row) if on]


def blocs_of(session, pid: str) -> list[str]:
    i = session.p(pid)
    return [session.scenario.blocs[l].name for l in np.flatnonzero(session.state.bloc[0, :, i])]
