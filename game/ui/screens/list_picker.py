"""A card over the dimmed screen that offers a list to choose from, with a note under it on
the row pointed at (which scenario's history to replay, which run of the lab to watch)."""
from __future__ import annotations

import pygame

from game.ui import layout
from game.ui.screens.game_menu import Overlay
from game.ui.text import blit_wrapped
from game.ui.widgets import ListView


class ListPicker(Overlay):
    """Subclasses set ``band_text`` and ``rows`` ((id, label, note) each) and say what a row's
    note is and what choosing it does."""
    rows: list = []
    selected = None          # the row chosen to begin with (None: the first)

    def shortcuts(self):
        return [("Up, Down", "Move through the list"), ("Enter", "Choose"), ("Esc", "Back")]

    def note(self, key) -> str:
        return ""

    def choose(self, key) -> None:
        raise NotImplementedError

    def layout(self, rect: pygame.Rect) -> None:
        app, u = self.app, self.app.u
        self.band_h = app.fonts.get("display", 20).get_linesize() + u(14)
        w, h = min(int(rect.w * 0.70), u(820)), int(rect.h * 0.72)
        self.box = pygame.Rect(0, 0, w, h)
        self.box.center = rect.center
        inner = layout.inset(self.box, u(24), u(16))
        inner.y, inner.h = self.box.y + self.band_h + u(14), self.box.bottom - self.box.y - self.band_h - u(30)
        self.note_h = app.fonts.get("italic", 14).get_linesize() * 3 + u(10)
        first = self.selected if self.selected is not None else (self.rows[0][0] if self.rows else None)
        self.list = ListView(pygame.Rect(inner.x, inner.y, inner.w, inner.h - self.note_h), self.rows, app, first)
        self.note_rect = pygame.Rect(inner.x, self.list.rect.bottom + u(8), inner.w, self.note_h - u(8))

    def handle_event(self, event) -> bool:
        chosen = self.list.handle_event(event)
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_UP, pygame.K_DOWN):
            self.list.move(1 if event.key == pygame.K_DOWN else -1)
            return True
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            chosen = self.list.selected
        if chosen:
            self.choose(chosen)
            return True
        return event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.KEYDOWN)

    def draw_content(self, surface: pygame.Surface) -> None:
        super().draw_content(surface)
        self.list.draw(surface)
        blit_wrapped(surface, self.app.fonts.get("italic", 14), self.note(self.list.hover or self.list.selected),
                     self.app.pal.ink_soft, self.note_rect, spacing=1.0, max_lines=3)
