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


def state_of(session, pid: str) -> str:
    s, i = session.state, session.p(pid)
    if not s.alive[0, i]:
        return "dead"
    if s.expelled[0, i] or s.fell_turn[0, i] >= 0:
        return "fallen"
    return ""


def initials(name: str) -> str:
    parts = [w for w in name.replace("-", " ").split() if w[:1].isalpha()]
    return (parts[-1][:2] if parts else name[:2]).upper()


def portrait(session, pal: Palette, pid: str, size: int, badge: bool = True) -> pygame.Surface:
    person = session.person(pid)
    ci = colour_index(session, pid)
    return art.portrait(pid, size, pal, initials=(person.portrait or initials(person.name))[:3] if badge else "",
                        state=state_of(session, pid), font_path=font_path("display"),
                        colour_index=ci if ci is not None else 7)


def bodies_of(session, pid: str) -> list[str]:
    from game.engine.state import BODIES
    row = session.state.member[0, session.p(pid)]
    return [b for b, on in zip(BODIES, row) if on]


def blocs_of(session, pid: str) -> list[str]:
    i = session.p(pid)
    return [session.scenario.blocs[l].name for l in np.flatnonzero(session.state.bloc[0, :, i])]
