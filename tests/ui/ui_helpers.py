"""Synthetic input for the headless interface tests."""
from __future__ import annotations

import pygame


def frames(app, n: int = 3) -> None:
    for _ in range(n):
        app.step(1 / 60)


def click(app, pos, n: int = 3) -> None:
    """A left click at pos, then n frames (a pygame_gui button reports one frame later)."""
    pygame.mouse.set_pos(pos)
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    frames(app, 1)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
    frames(app, n)


def key(app, k: int, unicode: str = "", mod: int = 0, n: int = 2) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, unicode=unicode, mod=mod, scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=k, unicode=unicode, mod=mod, scancode=0))
    frames(app, n)
