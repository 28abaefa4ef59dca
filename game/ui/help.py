"""The help overlay (F1 or ?): the keyboard shortcuts, global and of the screen beneath."""
from __future__ import annotations

import pygame

from game.ui import art
from game.ui.screen import Screen
from game.ui.text import blit, ellipsize
from game.ui.widgets import card

GLOBAL_KEYS = [
    ("F1  ?", "Show or hide this help"),
    ("Esc", "Back, or close a window"),
    ("F11", "Full screen on or off"),
    ("Ctrl+Q", "Quit the game"),
    ("Click", "An underlined term opens its encyclopaedia entry"),
]


class HelpOverlay(Screen):
    opaque = False
    background = None
    name = "help"

    def layout(self, rect: pygame.Rect) -> None:
        self.rect = rect

    def below(self):
        stack = self.app.stack
        i = stack.index(self) if self in stack else len(stack)
        return stack[i - 1] if i > 0 else None

    def handle_event(self, event) -> bool:
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            self.app.pop()
            return True
        return event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN)

    def draw_content(self, surface: pygame.Surface) -> None:
        pal, u, fonts = self.app.pal, self.app.u, self.app.fonts
        art.dim(surface, pal.ink, 175)
        below = self.below()
        local = below.shortcuts() if below else []
        key_font = fonts.get("display", 18)
        text_font = fonts.get("text", 16)
        line_h = max(key_font.get_linesize(), text_font.get_linesize()) + u(8)
        sections = [("Everywhere", GLOBAL_KEYS)] + ([("On this screen", local)] if local else [])
        rows = sum(len(keys) + 2 for _, keys in sections)
        w, h = self.rect.size
        box_w = min(int(w * 0.86), u(780))
        title_h = u(58)
        box_h = min(int(h * 0.92), title_h + rows * line_h + u(48))
        box = pygame.Rect(0, 0, box_w, box_h)
        box.center = self.rect.center
        card(surface, box, pal, u)
        band = pygame.Rect(box.x, box.y, box.w, title_h)
        pygame.draw.rect(surface, pal.accent, band)
        art.star(surface, (band.x + u(30), band.centery), u(17), pal.paper_light, pal.ink, max(1, u(2)))
        blit(surface, fonts.get("display", 32), "HELP · KEYBOARD", pal.paper_light, (band.x + u(58), band.centery), "midleft")
        key_w = max(key_font.size(k)[0] for _, keys in sections for k, _ in keys) + u(24)
        y = band.bottom + u(16)
        x = box.x + u(28)
        for title, keys in sections:
            if y + line_h > box.bottom - u(30):
                break
            r = blit(surface, fonts.get("display", 20), title.upper(), pal.accent, (x, y))
            y = r.bottom + u(6)
            for key, text in keys:
                if y + line_h > box.bottom - u(30):
                    break
                cap = pygame.Rect(x, y, key_font.size(key)[0] + u(14), line_h - u(6))
                pygame.draw.rect(surface, pal.ink, cap)
                blit(surface, key_font, key, pal.paper_light, cap.center, "center")
                avail = box.right - u(28) - (x + key_w)
                blit(surface, text_font, ellipsize(text_font, text, avail), pal.ink, (x + key_w, cap.centery), "midleft")
                y += line_h
            y += u(8)
        blit(surface, fonts.get("italic", 14), "Press F1, ? or Esc, or click, to close.", pal.ink_soft,
             (box.centerx, box.bottom - u(10)), "midbottom")
