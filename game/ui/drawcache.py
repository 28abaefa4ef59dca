"""Redraw only what changed: keep a drawn region of the window as a surface and blit it back
while its key (layout, state, hover, scroll...) stays the same.

``Snapshot.draw(surface, rect, key, paint, tips)`` calls ``paint()`` to draw normally into the
window on a miss, then copies ``rect`` out of the window together with the frame's tooltips the
painter registered; on a hit it blits the copy and registers the same tooltips again.
"""
from __future__ import annotations

import pygame


class Snapshot:
    def __init__(self):
        self.key = None
        self.image: pygame.Surface | None = None
        self.tips: list = []
        self.result = None

    def clear(self) -> None:
        self.key = None
        self.image = None

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, key, paint, tips=None):
        rect = pygame.Rect(rect).clip(surface.get_rect())
        key = (key, tuple(rect), surface.get_size())
        if key == self.key and self.image is not None:
            surface.blit(self.image, rect)
            if tips is not None:
                tips.dynamic.extend(self.tips)
            return self.result
        start = len(tips.dynamic) if tips is not None else 0
        self.result = paint()
        self.tips = list(tips.dynamic[start:]) if tips is not None else []
        self.image = surface.subsurface(rect).copy() if rect.w > 0 and rect.h > 0 else None
        self.key = key
        return self.result
