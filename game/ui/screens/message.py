"""A message over the screen beneath: a title, a few sentences (a save that cannot be loaded,
where a file was written) and one or two buttons. The game goes on underneath."""
from __future__ import annotations

import pygame
import pygame_gui

from game.ui import art, layout
from game.ui.screen import Screen
from game.ui.text import blit, blit_wrapped, wrap, wrapped_height
from game.ui.widgets import button, card


class MessageDialog(Screen):
    opaque = False
    background = None
    name = "message"

    def __init__(self, app, title: str, text: str, kind: str = "notice", on_close=None,
                 extra: tuple[str, object] | None = None):
        """``kind`` is the band's word (notice, error); ``extra`` an optional second button
        (label, callback) shown left of OK."""
        super().__init__(app)
        self.title = title
        self.text = text
        self.kind = kind
        self.on_close = on_close
        self.extra = extra

    def shortcuts(self):
        return [("Enter, Esc", "Close")]

    def layout(self, rect: pygame.Rect) -> None:
        app, u = self.app, self.app.u
        w, h = rect.size
        box_w = min(int(w * 0.70), u(760))
        inner_w = box_w - 2 * u(26)
        self.band_h = app.fonts.get("display", 17).get_linesize() + u(14)
        self.title_font = app.fonts.fit("display", 32, self.title.upper(), inner_w, app.fonts.px("display", 18))
        self.title_lines = wrap(self.title_font, self.title.upper(), inner_w)[:2]
        title_h = len(self.title_lines) * self.title_font.get_linesize() + u(12)
        self.body_font = app.fonts.get("serif", 16)
        bfont = app.fonts.theme_font("display", 19)
        bh = bfont.get_linesize() + u(14)
        text_h = min(wrapped_height(self.body_font, self.text, inner_w), int(h * 0.55))
        self.box = pygame.Rect(0, 0, box_w, self.band_h + title_h + text_h + bh + u(18) * 3 + u(10))
        self.box.center = rect.center
        inner = layout.inset(self.box, u(26), u(18))
        self.inner = inner
        self.text_rect = pygame.Rect(inner.x, self.box.y + self.band_h + u(14) + title_h, inner.w, text_h)
        ow = max(u(120), bfont.size("OK")[0] + u(60))
        self.ok = button(self.manager, pygame.Rect(inner.right - ow, inner.bottom - bh, ow, bh), "OK", "@action",
                         "Close (Enter)", name="ok")
        self.extra_button = None
        if self.extra:
            ew = min(inner.w - ow - u(10), bfont.size(self.extra[0])[0] + u(36))
            self.extra_button = button(self.manager, pygame.Rect(self.ok.rect.x - ew - u(10), self.ok.rect.y, ew, bh),
                                       self.extra[0], "@back", self.extra[0], name="extra")

    def close(self) -> None:
        self.app.pop()
        if self.on_close:
            self.on_close()

    def handle_event(self, event) -> bool:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.ok:
                self.close()
            elif self.extra_button is not None and event.ui_element is self.extra_button:
                self.app.pop()
                self.extra[1]()
            return True
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                self.close()
            return True
        return event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP)

    def back(self) -> None:
        self.close()

    def draw_content(self, surface: pygame.Surface) -> None:
        app, pal, u = self.app, self.app.pal, self.app.u
        art.dim(surface, pal.ink, 150)
        card(surface, self.box, pal, u)
        band = pygame.Rect(self.box.x, self.box.y, self.box.w, self.band_h)
        pygame.draw.rect(surface, pal.accent if self.kind == "error" else pal.ink, band)
        blit(surface, app.fonts.get("display", 17), self.kind.upper(), pal.paper_light, (self.inner.x, band.centery),
             "midleft")
        y = band.bottom + u(10)
        for line in self.title_lines:
            blit(surface, self.title_font, line, pal.ink, (self.inner.x, y))
            y += self.title_font.get_linesize()
        blit_wrapped(surface, self.body_font, self.text, pal.ink, self.text_rect)
