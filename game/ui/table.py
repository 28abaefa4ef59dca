"""A table of wrapped text drawn by hand: a header row, columns by weight, rows as tall as their
longest cell, scrolling with the wheel. For the debrief's path beside history and its numbers."""
from __future__ import annotations

import pygame

from game.ui import layout
from game.ui.palette import mix
from game.ui.panels import Scroller
from game.ui.text import blit, wrap


class TextTable:
    def __init__(self, app, rect: pygame.Rect, head: list[str], rows: list[list[str]], weights: list[float],
                 size: float = 13, first_bold: bool = True):
        self.app = app
        self.rect = pygame.Rect(rect)
        self.head = head
        self.rows = rows
        self.font = app.fonts.get("text", size)
        self.bold = app.fonts.get("bold", size)
        self.head_font = app.fonts.get("display", size + 2)
        self.first_bold = first_bold
        self.scroll = Scroller()
        u = app.u
        self.pad = u(6)
        self.head_h = self.head_font.get_linesize() + u(8)
        self.cols = layout.split_h(pygame.Rect(self.rect.x, 0, self.rect.w - u(10), 1), weights, u(10))
        self.body = pygame.Rect(self.rect.x, self.rect.y + self.head_h, self.rect.w, self.rect.h - self.head_h)
        self.lines = [self._wrap(row) for row in rows]
        lh = self.font.get_linesize()
        self.heights = [max(1, max(len(c) for c in cells)) * lh + 2 * self.pad for cells in self.lines]

    def _wrap(self, row: list[str]) -> list[list[str]]:
        out = []
        for i, (text, col) in enumerate(zip(row, self.cols)):
            font = self.bold if (i == 0 and self.first_bold) else self.font
            lines: list[str] = []
            for part in str(text).split("\n"):
                lines += wrap(font, part, col.w - 2 * self.pad) if part else []
            out.append(lines)
        return out

    def handle_event(self, event) -> bool:
        return self.scroll.wheel(event, self.rect, self.font.get_linesize() * 3)

    def draw(self, surface: pygame.Surface) -> None:
        app, pal, u = self.app, self.app.pal, self.app.u
        pygame.draw.rect(surface, pal.ink, (self.rect.x, self.rect.y, self.rect.w, self.head_h))
        for text, col in zip(self.head, self.cols):
            blit(surface, self.head_font, text.upper(), pal.paper_light, (col.x + self.pad, self.rect.y + u(4)),
                 max_width=col.w - 2 * self.pad)
        total = sum(self.heights)
        self.scroll.set_extent(total, self.body.h)
        clip = surface.get_clip()
        surface.set_clip(self.body)
        y = self.body.y - self.scroll.offset
        lh = self.font.get_linesize()
        for n, (cells, h) in enumerate(zip(self.lines, self.heights)):
            if y + h >= self.body.y and y <= self.body.bottom:
                if n % 2:
                    pygame.draw.rect(surface, mix(pal.paper, pal.paper_light, 0.5), (self.body.x, y, self.body.w, h))
                for i, (lines, col) in enumerate(zip(cells, self.cols)):
                    font = self.bold if (i == 0 and self.first_bold) else self.font
                    ty = y + self.pad
                    for line in lines:
                        blit(surface, font, line, pal.ink, (col.x + self.pad, ty))
                        ty += lh
                pygame.draw.line(surface, mix(pal.paper_dark, pal.ink, 0.2), (self.body.x, y + h - 1),
                                 (self.body.right, y + h - 1))
            y += h
        surface.set_clip(clip)
        self.scroll.bar(surface, self.body, pal.accent, u(5))
        if not self.rows:
            blit(surface, app.fonts.get("italic", 13), "Nothing to show.", pal.ink_soft,
                 (self.body.x + self.pad, self.body.y + self.pad))
