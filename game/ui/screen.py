"""The base class of every screen on the App's stack.

A screen builds its layout (pygame_gui elements in its own UIManager, rectangles for what it
draws by hand) in ``layout`` from the window size alone, so a resize or a change of text size
simply calls ``layout`` again. Screens read state and emit actions; they hold no rules.
"""
from __future__ import annotations

import pygame
import pygame_gui

from game.ui import art
from game.ui.tooltip import Tooltips


class Screen:
    opaque = True            # False: the screens below show through (overlays)
    background = "panel"     # art.background kind, or None to draw nothing
    name = "screen"

    def __init__(self, app):
        self.app = app
        self.manager: pygame_gui.UIManager | None = None
        self.tips = Tooltips()
        self._layout_key = None

    # -- lifecycle ---------------------------------------------------------------------------
    def ensure_layout(self) -> None:
        key = self.app.layout_key
        if key != self._layout_key:
            self.manager = self.app.new_manager()
            self.tips.clear()
            self._layout_key = key
            self.layout(pygame.Rect((0, 0), self.app.size))
            self.manager.update(0.0)     # build the elements' images before the first draw

    def invalidate(self) -> None:
        self._layout_key = None

    def poster_header(self, width: int) -> pygame.Rect:
        """The red header band every poster screen draws: tall enough for its display title."""
        u = self.app.u
        return pygame.Rect(0, 0, width, max(u(64), self.app.fonts.get("display", 40).get_linesize() + u(14)))

    def header_button(self, right: int, label: str, cls: str, tooltip: str, name: str,
                      min_w: int = 130, pad: int = 36):
        """A button in the poster header (call poster_header first), its right edge at
        ``right``, wide enough for its label; buttons are laid right to left from there."""
        from game.ui.widgets import button
        u, hb = self.app.u, self.header_rect
        bw = max(u(min_w), self.app.fonts.theme_font("display", 19).size(label)[0] + u(pad))
        return button(self.manager, pygame.Rect(right - bw, hb.y + u(12), bw, hb.h - u(29)),
                      label, cls, tooltip, name=name)

    def header_back_button(self, width: int, tooltip: str):
        """The « Back button at the right end of the poster header."""
        return self.header_button(width - self.app.u(20), "« Back", "@back", tooltip, "back",
                                  min_w=120, pad=30)

    def layout(self, rect: pygame.Rect) -> None:
        """Build every element and rectangle for this window size."""

    def on_enter(self) -> None:
        """Called when the screen becomes the top of the stack (first time or on return)."""

    def shortcuts(self) -> list[tuple[str, str]]:
        """(keys, what they do) for the help overlay."""
        return []

    # -- events --------------------------------------------------------------------------------
    def process_event(self, event: pygame.event.Event) -> bool:
        consumed = bool(self.manager and self.manager.process_events(event))
        if consumed and event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
            return True
        return bool(self.handle_event(event)) or consumed

    def handle_event(self, event: pygame.event.Event) -> bool:
        """Screen-specific handling; return True when the event is used."""
        return False

    def text_input_focused(self) -> bool:
        if not self.manager:
            return False
        focus = self.manager.get_focus_set()
        return any(isinstance(e, (pygame_gui.elements.UITextEntryLine, pygame_gui.elements.UITextEntryBox))
                   for e in (focus or ()))

    def back(self) -> None:
        self.app.pop()

    # -- frame -----------------------------------------------------------------------------------
    def update(self, dt: float) -> None:
        if self.manager:
            self.manager.update(dt)
        self.tips.update(dt, pygame.mouse.get_pos())

    def draw(self, surface: pygame.Surface) -> None:
        if self.background:
            surface.blit(art.background(self.background, surface.get_size(), self.app.pal), (0, 0))
        self.draw_content(surface)
        if self.manager:
            self.manager.draw_ui(surface)
        self.draw_over(surface)

    def draw_content(self, surface: pygame.Surface) -> None:
        """What the screen draws by hand under its pygame_gui elements."""

    def draw_over(self, surface: pygame.Surface) -> None:
        """What the screen draws above its pygame_gui elements."""
