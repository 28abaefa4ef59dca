"""Widgets drawn by hand in the poster style, and helpers for pygame_gui buttons."""
from __future__ import annotations

from typing import Optional

import pygame
import pygame_gui

from game.ui import art
from game.ui.palette import Palette, mix
from game.ui.text import blit, ellipsize, render


def button(manager, rect: pygame.Rect, text: str, cls: str = "@back", tooltip: str | None = None,
           name: str | None = None) -> pygame_gui.elements.UIButton:
    object_id = pygame_gui.core.ObjectID(object_id=f"#{name}" if name else None, class_id=cls)
    return pygame_gui.elements.UIButton(pygame.Rect(rect), text, manager=manager, object_id=object_id,
                                        tool_tip_text=tooltip)


def header(surface: pygame.Surface, rect: pygame.Rect, title: str, app, subtitle: str = "") -> pygame.Rect:
    """The red poster band across the top of a screen; returns the area left for buttons."""
    pal, fonts, u = app.pal, app.fonts, app.u
    pygame.draw.rect(surface, pal.accent, rect)
    pygame.draw.rect(surface, pal.ink, (rect.x, rect.bottom - u(5), rect.w, u(5)))
    r = rect.h * 0.32
    art.star(surface, (rect.x + u(14) + r, rect.centery - u(2)), r, pal.paper_light, pal.ink, max(1, u(2)))
    x = rect.x + u(24) + int(2 * r)
    sf = fonts.get("italic", 15)
    # the title gives way to its subtitle (a vote's "vote 1 of 3") before the subtitle is cut
    room = int(rect.w * 0.62) - x - (sf.size(subtitle)[0] + u(14) if subtitle else 0)
    font = fonts.fit("display", 40, title.upper(), min(int(rect.w * 0.55), room),
                     fonts.px("display", 20))
    trect = blit(surface, font, title.upper(), pal.paper_light, (x, rect.centery - u(2)), "midleft")
    if subtitle:
        blit(surface, sf, subtitle, mix(pal.paper_light, pal.accent, 0.15), (trect.right + u(14), trect.bottom - u(4)),
             "bottomleft", max_width=max(10, int(rect.w * 0.62) - trect.right))
    return pygame.Rect(rect.x + int(rect.w * 0.62), rect.y, int(rect.w * 0.38), rect.h - u(5))


def card(surface: pygame.Surface, rect: pygame.Rect, pal: Palette, u=lambda v: v,
         fill=None, shadow: bool = True) -> None:
    """A printed card: paper, ink border, hard offset shadow."""
    if shadow:
        pygame.draw.rect(surface, pal.ink, rect.move(u(5), u(5)))
    pygame.draw.rect(surface, fill or pal.paper_light, rect)
    pygame.draw.rect(surface, pal.ink, rect, max(1, u(2)))


def section_title(surface, rect: pygame.Rect, text: str, app) -> int:
    """A small caps heading with a red rule under it; returns the y below it."""
    font = app.fonts.get("display", 20)
    r = blit(surface, font, text.upper(), app.pal.ink, rect.topleft, max_width=rect.w)
    y = r.bottom + app.u(2)
    pygame.draw.rect(surface, app.pal.accent, (rect.x, y, min(rect.w, app.u(60)), max(2, app.u(3))))
    return y + app.u(8)


class ListView:
    """A scrollable list of (id, label, note) rows drawn by hand: hover, selection, keyboard."""

    def __init__(self, rect: pygame.Rect, rows: list[tuple[str, str, str]], app, selected: str | None = None):
        self.rect = pygame.Rect(rect)
        self.app = app
        self.rows = rows
        self.selected = selected
        self.hover: Optional[str] = None
        self.font = app.fonts.get("text", 17)
        self.note_font = app.fonts.get("italic", 13)
        self.row_h = self.font.get_linesize() + app.u(10)
        self.scroll = 0

    def set_rows(self, rows) -> None:
        self.rows = rows
        self.scroll = 0

    @property
    def max_scroll(self) -> int:
        return max(0, len(self.rows) * self.row_h - self.rect.h)

    def row_rect(self, index: int) -> pygame.Rect:
        width = self.rect.w - (self.app.u(9) if self.max_scroll else 0)
        return pygame.Rect(self.rect.x, self.rect.y + index * self.row_h - self.scroll, width, self.row_h)

    def index_at(self, pos) -> Optional[int]:
        if not self.rect.collidepoint(pos):
            return None
        i = (pos[1] - self.rect.y + self.scroll) // self.row_h
        return i if 0 <= i < len(self.rows) else None

    def ensure_visible(self, index: int) -> None:
        top = index * self.row_h
        if top < self.scroll:
            self.scroll = top
        elif top + self.row_h > self.scroll + self.rect.h:
            self.scroll = top + self.row_h - self.rect.h
        self.scroll = max(0, min(self.max_scroll, self.scroll))

    def move(self, delta: int) -> Optional[str]:
        if not self.rows:
            return None
        ids = [r[0] for r in self.rows]
        i = ids.index(self.selected) if self.selected in ids else -1
        i = max(0, min(len(ids) - 1, i + delta))
        self.selected = ids[i]
        self.ensure_visible(i)
        return self.selected

    def handle_event(self, event) -> Optional[str]:
        """Returns the id of a row chosen by a click."""
        if event.type == pygame.MOUSEMOTION:
            i = self.index_at(event.pos)
            self.hover = self.rows[i][0] if i is not None else None
        elif event.type == pygame.MOUSEWHEEL and self.rect.collidepoint(pygame.mouse.get_pos()):
            self.scroll = max(0, min(self.max_scroll, self.scroll - event.y * self.row_h))
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            i = self.index_at(event.pos)
            if i is not None:
                self.selected = self.rows[i][0]
                return self.selected
        return None

    def draw(self, surface: pygame.Surface) -> None:
        pal, u = self.app.pal, self.app.u
        clip = surface.get_clip()
        surface.set_clip(self.rect)
        first = self.scroll // self.row_h
        for i in range(first, min(len(self.rows), first + self.rect.h // self.row_h + 2)):
            rid, label, note = self.rows[i]
            r = self.row_rect(i)
            if rid == self.selected:
                pygame.draw.rect(surface, pal.ink, r)
                colour, note_colour = pal.paper_light, pal.paper_dark
                pygame.draw.rect(surface, pal.accent, (r.x, r.y, u(6), r.h))
            elif rid == self.hover:
                pygame.draw.rect(surface, pal.paper_dark, r)
                colour, note_colour = pal.ink, pal.ink_soft
            else:
                colour, note_colour = pal.ink, pal.ink_soft
            x = r.x + u(12)
            avail = r.w - u(16)
            nw = 0
            if note:
                note_text = ellipsize(self.note_font, note, avail // 3)
                nimg = render(self.note_font, note_text, note_colour)
                nw = nimg.get_width() + u(8)
                surface.blit(nimg, nimg.get_rect(midright=(r.right - u(8), r.centery)))
            blit(surface, self.font, label, colour, (x, r.centery), "midleft", max_width=avail - nw - u(4))
            pygame.draw.line(surface, mix(pal.paper_dark, pal.ink, 0.2), (r.x, r.bottom - 1), (r.right, r.bottom - 1))
        surface.set_clip(clip)
        if self.max_scroll:
            bar_w = u(5)
            h = max(u(20), int(self.rect.h * self.rect.h / (len(self.rows) * self.row_h)))
            y = self.rect.y + int((self.rect.h - h) * self.scroll / self.max_scroll)
            pygame.draw.rect(surface, pal.accent, (self.rect.right - bar_w, y, bar_w, h))
