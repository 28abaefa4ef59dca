"""A list of rows drawn by hand: title, a note on the right, an optional second line, rows
that can be greyed out (with the reason on the second line), headings (a sentence said once
for the rows under it), hover, selection, scrolling."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import pygame

from game.ui.palette import mix
from game.ui.panels import Scroller
from game.ui.text import blit, ellipsize, wrap


@dataclass(frozen=True)
class Row:
    id: str
    title: str
    right: str = ""
    sub: str = ""
    enabled: bool = True
    tip: str = ""
    heading: bool = False   # the sentence in ``sub`` spans the row: it holds for the rows below


class RowList:
    def __init__(self, app, rect: pygame.Rect, rows: list[Row], two_lines: bool = True,
                 title_role: str = "bold", title_size: float = 15):
        self.app = app
        self.rect = pygame.Rect(rect)
        self.rows = rows
        self.font = app.fonts.get(title_role, title_size)
        self.sub_font = app.fonts.get("italic", 12)
        self.two_lines = two_lines
        self.row_h = self.font.get_linesize() + (self.sub_font.get_linesize() if two_lines else 0) + app.u(8)
        self.scroll = Scroller()
        self.selected: Optional[str] = None
        self.hover: Optional[str] = None

    def set_rows(self, rows: list[Row]) -> None:
        self.rows = rows

    def index_at(self, pos) -> Optional[int]:
        if not self.rect.collidepoint(pos):
            return None
        i = (pos[1] - self.rect.y + self.scroll.offset) // self.row_h
        return i if 0 <= i < len(self.rows) else None

    def handle_event(self, event) -> Optional[str]:
        if self.scroll.wheel(event, self.rect, self.row_h):
            return None
        if event.type == pygame.MOUSEMOTION:
            i = self.index_at(event.pos)
            self.hover = self.rows[i].id if i is not None else None
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            i = self.index_at(event.pos)
            if i is not None and self.rows[i].enabled:
                self.selected = self.rows[i].id
                return self.selected
        return None

    def draw(self, surface: pygame.Surface, tips=None) -> None:
        pal, u = self.app.pal, self.app.u
        self.scroll.set_extent(len(self.rows) * self.row_h, self.rect.h)
        clip = surface.get_clip()
        surface.set_clip(self.rect)
        bar = u(5) if self.scroll.max else 0
        for i, row in enumerate(self.rows):
            r = pygame.Rect(self.rect.x, self.rect.y + i * self.row_h - self.scroll.offset, self.rect.w - bar, self.row_h)
            if r.bottom < self.rect.y or r.y > self.rect.bottom:
                continue
            if row.heading:
                self._heading(surface, r, row, tips)
                continue
            sel = row.id == self.selected
            if sel:
                pygame.draw.rect(surface, pal.ink, r)
                pygame.draw.rect(surface, pal.accent, (r.x, r.y, u(5), r.h))
            elif row.id == self.hover and row.enabled:
                pygame.draw.rect(surface, pal.paper_dark, r)
            ink = pal.paper_light if sel else (pal.ink if row.enabled else mix(pal.ink_soft, pal.paper, 0.35))
            soft = pal.paper_dark if sel else pal.ink_soft
            x = r.x + u(10)
            rw = 0
            if row.right:
                rr = blit(surface, self.font, row.right, ink, (r.right - u(8), r.y + u(4)), "topright")
                rw = rr.w + u(10)
            blit(surface, self.font, row.title, ink, (x, r.y + u(4)), max_width=r.w - u(18) - rw)
            if self.two_lines and row.sub:
                sub_colour = soft if row.enabled else pal.accent_dark
                blit(surface, self.sub_font, ellipsize(self.sub_font, row.sub, r.w - u(18)), sub_colour,
                     (x, r.y + u(4) + self.font.get_linesize()))
            pygame.draw.line(surface, mix(pal.paper_dark, pal.ink, 0.2), (r.x, r.bottom - 1), (r.right, r.bottom - 1))
            if tips is not None and (row.tip or (row.sub and not row.enabled)):
                tips.add_frame(r.clip(self.rect), row.tip or row.sub)
        surface.set_clip(clip)
        self.scroll.bar(surface, self.rect, pal.accent, u(5))

    def _heading(self, surface, r: pygame.Rect, row: Row, tips) -> None:
        """A heading row: its sentence in the reasons' italic over up to two lines, marked at
        the left like a bracket over the rows it stands for."""
        pal, u = self.app.pal, self.app.u
        pygame.draw.rect(surface, mix(pal.paper, pal.paper_dark, 0.5), r)
        pygame.draw.rect(surface, pal.accent_dark, (r.x, r.y + u(3), u(3), r.h - u(6)))
        lines = wrap(self.sub_font, row.sub, r.w - u(18))
        n = max(1, (r.h - u(6)) // self.sub_font.get_linesize())
        if len(lines) > n:
            lines = lines[:n - 1] + [ellipsize(self.sub_font, " ".join(lines[n - 1:]), r.w - u(18))]
        y = r.centery - len(lines) * self.sub_font.get_linesize() // 2
        for line in lines:
            blit(surface, self.sub_font, line, pal.accent_dark, (r.x + u(10), y))
            y += self.sub_font.get_linesize()
        if tips is not None:
            tips.add_frame(r.clip(self.rect), row.tip or row.sub)
