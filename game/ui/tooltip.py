"""Tooltips for areas drawn by hand (pygame_gui buttons carry their own).

A screen registers rectangles with texts (at layout time or every frame); after the pointer
rests on one for ``delay`` seconds the text appears beside it, wrapped and kept on screen.
"""
from __future__ import annotations

import pygame

from game.ui.text import render, wrap


class Tooltips:
    def __init__(self, delay: float = 0.45):
        self.delay = delay
        self.regions: list[tuple[pygame.Rect, str]] = []
        self.dynamic: list[tuple[pygame.Rect, str]] = []
        self._current: tuple[tuple, str] | None = None
        self._rest = 0.0

    def clear(self) -> None:
        self.regions.clear()
        self.dynamic.clear()
        self._current = None

    def add(self, rect: pygame.Rect, text: str) -> None:
        """A fixed region (cleared on relayout)."""
        if text:
            self.regions.append((pygame.Rect(rect), text))

    def add_frame(self, rect: pygame.Rect, text: str) -> None:
        """A region for this frame only (call begin_frame first)."""
        if text:
            self.dynamic.append((pygame.Rect(rect), text))

    def begin_frame(self) -> None:
        self.dynamic.clear()

    def hit(self, pos) -> tuple[pygame.Rect, str] | None:
        for rect, text in reversed(self.dynamic + self.regions):
            if rect.collidepoint(pos):
                return rect, text
        return None

    def update(self, dt: float, pos) -> None:
        found = self.hit(pos)
        key = (tuple(found[0]), found[1]) if found else None
        if key != (self._current[0] if self._current else None):
            self._current = (key, found[1]) if found else None
            self._rest = 0.0
        else:
            self._rest += dt

    @property
    def showing(self) -> str | None:
        if self._current and self._rest >= self.delay:
            return self._current[1]
        return None

    def draw(self, surface: pygame.Surface, font: pygame.font.Font, pal, pos) -> None:
        text = self.showing
        if not text:
            return
        sw, sh = surface.get_size()
        pad = max(4, font.get_height() // 3)
        width = min(int(sw * 0.32), font.size(text)[0] + 1)
        lines = wrap(font, text, max(60, width))
        line_h = font.get_linesize()
        w = max(font.size(line)[0] for line in lines) + 2 * pad
        h = line_h * len(lines) + 2 * pad
        x, y = pos[0] + 16, pos[1] + 20
        if x + w > sw:
            x = max(0, pos[0] - w - 8)
        if y + h > sh:
            y = max(0, pos[1] - h - 8)
        box = pygame.Rect(x, y, w, h)
        pygame.draw.rect(surface, pal.ink, box)
        pygame.draw.rect(surface, pal.accent, box, 2)
        for i, line in enumerate(lines):
            surface.blit(render(font, line, pal.paper_light), (x + pad, y + pad + i * line_h))
