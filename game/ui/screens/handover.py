"""Hot seat: the screen between two players, so neither sees the other's plans."""
from __future__ import annotations

import pygame
import pygame_gui

from game.ui import people
from game.ui.screen import Screen
from game.ui.text import blit
from game.ui.widgets import button


class HandoverScreen(Screen):
    background = "night"
    name = "handover"

    def __init__(self, app, session, pid: str):
        super().__init__(app)
        self.session = session
        self.pid = pid

    def shortcuts(self):
        return [("Enter", "Take over")]

    def layout(self, rect: pygame.Rect) -> None:
        app, u = self.app, self.app.u
        bfont = app.fonts.theme_font("display", 25)
        label = f"I am {self.session.name(self.pid)}: begin"
        bw, bh = bfont.size(label)[0] + u(60), bfont.get_linesize() + u(20)
        self.go = button(self.manager, pygame.Rect(rect.centerx - bw // 2, int(rect.h * 0.70), bw, bh), label,
                         "@action", "Take the controls (Enter)", name="take_over")

    def handle_event(self, event) -> bool:
        if (event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is self.go) or (
                event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER)):
            self.app.pop()
            return True
        return False

    def back(self) -> None:
        """The other player must not slip back to the game screen with Esc."""

    def draw_content(self, surface: pygame.Surface) -> None:
        app, pal, u = self.app, self.app.pal, self.app.u
        w, h = surface.get_size()
        size = int(h * 0.26)
        img = people.portrait(self.session, pal, self.pid, size)
        rect = img.get_rect(midtop=(w // 2, int(h * 0.16)))
        pygame.draw.rect(surface, pal.accent, rect.inflate(u(12), u(12)))
        surface.blit(img, rect)
        blit(surface, app.fonts.get("display", 22), "PASS THE MOUSE TO", pal.paper_light, (w // 2, int(h * 0.06)), "midtop")
        name = self.session.name(self.pid).upper()
        blit(surface, app.fonts.fit("display", 64, name, int(w * 0.8), 16), name, pal.paper_light,
             (w // 2, rect.bottom + u(14)), "midtop")
        blit(surface, app.fonts.get("italic", 16), people.long_date(self.session.date), pal.paper_dark,
             (w // 2, rect.bottom + u(14) + app.fonts.get("display", 64).get_linesize()), "midtop")
