"""A timeline of months drawn by hand: years labelled, the months already played filled in,
marks where something happened, the current month; click or drag to choose a month."""
from __future__ import annotations

import pygame

from game.ui import art
from game.ui.palette import mix
from game.ui.text import blit


class Timeline:
    def __init__(self, app, rect: pygame.Rect, dates: list[str]):
        """``dates``: the month of each position 1..N (position 0 is the opening, before them)."""
        self.app = app
        self.rect = pygame.Rect(rect)
        self.dates = dates
        self.dragging = False
        font = app.fonts.get("display", 13)
        self.font = font
        self.bar = pygame.Rect(self.rect.x, self.rect.y + app.u(10), self.rect.w,
                               max(app.u(10), self.rect.h - font.get_linesize() - app.u(14)))

    @property
    def last(self) -> int:
        return len(self.dates)

    def x_of(self, p: int) -> int:
        return self.bar.x + int(self.bar.w * p / max(1, self.last))

    def pos_at(self, x: int) -> int:
        frac = (x - self.bar.x) / max(1, self.bar.w)
        return max(0, min(self.last, int(round(frac * self.last))))

    def handle_event(self, event) -> int | None:
        """The position chosen by a click or a drag (on release), else None."""
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.rect.collidepoint(event.pos):
            self.dragging = True
            return None
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1 and self.dragging:
            self.dragging = False
            return self.pos_at(event.pos[0])
        return None

    def hover_pos(self) -> int | None:
        mx, my = pygame.mouse.get_pos()
        if self.dragging or self.rect.collidepoint(mx, my):
            return self.pos_at(mx)
        return None

    def draw(self, surface: pygame.Surface, current: int, played: int, marks: list[int]) -> None:
        pal, u = self.app.pal, self.app.u
        bar = self.bar
        pygame.draw.rect(surface, pal.paper_dark, bar)
        pygame.draw.rect(surface, mix(pal.paper_light, pal.accent, 0.25),
                         (bar.x, bar.y, self.x_of(played) - bar.x, bar.h))
        n = self.last
        month_w = bar.w / max(1, n)
        last_label = -10 ** 6
        for i, date in enumerate(self.dates):
            x0 = bar.x + int(i * month_w)
            if i < len(marks) and marks[i]:
                colour = pal.accent if marks[i] == 2 else pal.ink_soft
                r = max(2, min(u(4), int(month_w / 2) - 1))
                pygame.draw.circle(surface, colour, (x0 + int(month_w / 2), bar.centery), r)
            if date.endswith("-01") or i == 0:
                pygame.draw.line(surface, pal.ink, (x0, bar.y), (x0, bar.bottom + u(3)), max(1, u(1)))
                label = date[:4]
                w = self.font.size(label)[0]
                if x0 - last_label > w + u(6) and x0 + w <= bar.right + u(2):
                    blit(surface, self.font, label, pal.ink, (x0 + u(2), bar.bottom + u(3)))
                    last_label = x0
        pygame.draw.rect(surface, pal.ink, bar, max(1, u(2)))
        x = self.x_of(current)
        pygame.draw.line(surface, pal.accent, (x, bar.y - u(4)), (x, bar.bottom + u(4)), max(2, u(3)))
        art.polygon(surface, pal.accent, [(x - u(7), bar.y - u(9)), (x + u(7), bar.y - u(9)), (x, bar.y - u(1))])
        hover = self.hover_pos()
        if hover is not None and hover != current:
            hx = self.x_of(hover)
            pygame.draw.line(surface, pal.ink, (hx, bar.y), (hx, bar.bottom), max(1, u(2)))
