"""The parts of the game screen. Each panel reads the session's state and log and draws itself;
actions go back through the session (and so through the engine's verbs)."""
from __future__ import annotations

import pygame


class Panel:
    title = ""
    key = ""

    def __init__(self, screen):
        self.screen = screen
        self.app = screen.app
        self.session = screen.session
        self.rect = pygame.Rect(0, 0, 1, 1)

    def layout(self, rect: pygame.Rect) -> None:
        self.rect = pygame.Rect(rect)

    def refresh(self) -> None:
        """The state changed (a turn passed, a plan was made): rebuild what is cached."""

    def handle_event(self, event) -> bool:
        return False

    def draw(self, surface: pygame.Surface) -> None:
        pass

    def shortcuts(self) -> list[tuple[str, str]]:
        return []


class Scroller:
    """Vertical scrolling by whole rows for panels that draw lists by hand."""

    def __init__(self):
        self.offset = 0
        self.max = 0

    def set_extent(self, content: int, view: int) -> None:
        self.max = max(0, content - view)
        self.offset = min(self.offset, self.max)

    def wheel(self, event, rect: pygame.Rect, step: int) -> bool:
        if event.type == pygame.MOUSEWHEEL and rect.collidepoint(pygame.mouse.get_pos()):
            self.offset = max(0, min(self.max, self.offset - event.y * step))
            return True
        return False

    def bar(self, surface, rect: pygame.Rect, colour, width: int) -> None:
        if self.max <= 0:
            return
        view = rect.h
        h = max(width * 4, int(view * view / (view + self.max)))
        y = rect.y + int((view - h) * self.offset / self.max)
        pygame.draw.rect(surface, colour, (rect.right - width, y, width, h))
