"""The guided first turn: a few coach steps over the game screen, each lighting one region (the
Politburo, the tabs, End turn) with a short caption, Next and Skip (Enter and Esc).

Shown once, at the first new game; ``settings.tutorial_done`` remembers it, and the settings
screen can ask for it again. The coach only reads the game screen's layout and switches its tab.
"""
from __future__ import annotations

import pygame
import pygame_gui

from game.ui import art
from game.ui.screen import Screen
from game.ui.text import blit, wrap
from game.ui.widgets import button, card

# (region, tab to show or None, title, caption)
STEPS = [
    ("politburo", None, "The Politburo",
     "The men who rule the Party sit at this table. Hover a member to see his posts and his leanings: "
     "a majority here carries the votes."),
    ("tabs", "actions", "Your actions",
     "Each month you spend action points on moves; every move shows its cost. A greyed move is not "
     "possible now, and it says why."),
    ("tabs", "board", "The apparatus",
     "Secretaries you place in the provinces choose the delegates to the Party Congress. "
     "Whoever holds the apparatus holds the Congress."),
    ("tabs", "economy", "The economy",
     "Watch the scissors: industrial against farm prices. When the blades open, the peasants hold "
     "back grain and the Party looks for someone to blame."),
    ("tabs", "log", "Votes and the log",
     "Every vote is recorded here voter by voter, with the reason each man gave. "
     "Read it to see who is drifting away."),
    ("end", "actions", "End the turn",
     "When your points are spent, end the turn (Ctrl+Enter). Your rivals move, then the month's "
     "events and votes follow."),
]


def should_show(app) -> bool:
    return not app.settings.tutorial_done


def maybe_start(app, game) -> bool:
    """Push the coach over a freshly started game if the player has not seen it yet."""
    if should_show(app):
        app.push(CoachOverlay(app, game))
        return True
    return False


class CoachOverlay(Screen):
    opaque = False
    background = None
    name = "coach"

    def __init__(self, app, game):
        super().__init__(app)
        self.game = game
        self.step = 0
        self.closed = False
        self._veil_key = None
        self._veil = None

    def shortcuts(self):
        return [("Enter", "Next step"), ("Esc", "Skip the guided turn")]

    # ---------------------------------------------------------------- steps
    def region(self) -> pygame.Rect:
        game, u = self.game, self.app.u
        game.ensure_layout()
        kind = STEPS[self.step][0]
        if kind == "politburo":
            return game.left.inflate(u(8), u(8))
        if kind == "end":
            return game.end_button.rect.union(game.player_rect).inflate(u(10), u(10))
        return game.right.inflate(u(8), u(8))

    def _show_step(self) -> None:
        tab = STEPS[self.step][1]
        if tab:
            self.game.set_tab(tab)
            if self.game.manager:
                self.game.manager.update(0.0)     # the game below is not updated while covered
        self.invalidate()

    def next(self) -> None:
        if self.step + 1 < len(STEPS):
            self.step += 1
            self._show_step()
        else:
            self.close()

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        self.game.set_tab("actions")
        if self.game.manager:
            self.game.manager.update(0.0)
        self.app.apply_settings(self.app.settings.but(tutorial_done=True))
        if self.app.top is self:
            self.app.pop()

    def back(self) -> None:
        self.close()

    def on_enter(self) -> None:
        self._show_step()

    # ---------------------------------------------------------------- layout
    def layout(self, rect: pygame.Rect) -> None:
        app, u = self.app, self.app.u
        w, h = rect.size
        hl = self.region()
        self.highlight = hl
        self.title_font = app.fonts.get("display", 24)
        self.text_font = app.fonts.get("serif", 17)
        bfont = app.fonts.theme_font("display", 19)
        kind = STEPS[self.step][0]
        gap = u(14)
        if kind == "end":
            free = w - 2 * gap
        elif hl.centerx < w // 2:
            free = w - hl.right - 2 * gap
        else:
            free = hl.x - 2 * gap
        box_w = max(u(240), min(u(500), int(w * 0.42), free))
        pad = u(20)
        inner = box_w - 2 * pad
        title, text = STEPS[self.step][2:]
        self.lines = wrap(self.text_font, text, inner)
        self.title_lines = wrap(self.title_font, title.upper(), inner)
        bh = bfont.get_linesize() + u(14)
        box_h = (pad + len(self.title_lines) * self.title_font.get_linesize() + u(10)
                 + len(self.lines) * self.text_font.get_linesize() + u(16) + bh + pad)
        # beside the lit region: on the other half of the screen, or below the header for End turn
        if hl.centerx < w // 2:
            x = min(w - box_w - gap, hl.right + gap)
        else:
            x = max(gap, hl.x - box_w - gap)
        y = h // 2 - box_h // 2
        if kind == "end":
            x, y = w - box_w - u(24), hl.bottom + u(24)
        self.box = pygame.Rect(x, max(u(10), min(y, h - box_h - u(10))), box_w, box_h)
        self.pad = pad
        last = self.step == len(STEPS) - 1
        labels = ("Finish" if last else "Next", "Skip")
        widths = [max(u(100), bfont.size(t)[0] + u(30)) for t in labels]
        by = self.box.bottom - pad - bh
        self.next_button = button(self.manager, pygame.Rect(self.box.right - pad - widths[0], by, widths[0], bh),
                                  labels[0], "@primary", "The next step (Enter)", name="coach_next")
        self.skip_button = None
        if not last:
            self.skip_button = button(self.manager, pygame.Rect(self.next_button.rect.x - u(10) - widths[1], by,
                                                                widths[1], bh),
                                      labels[1], "@back", "Close the guided turn (Esc)", name="coach_skip")
        self.text_rect = pygame.Rect(self.box.x + pad, self.box.y + pad, inner, by - u(8) - self.box.y - pad)

    def fits(self) -> bool:
        """Every line of the caption inside the box, and the box inside the window."""
        window = pygame.Rect((0, 0), self.app.size)
        need = (len(self.title_lines) * self.title_font.get_linesize() + u10(self.app)
                + len(self.lines) * self.text_font.get_linesize())
        widest = max([self.text_font.size(s)[0] for s in self.lines]
                     + [self.title_font.size(s)[0] for s in self.title_lines])
        return window.contains(self.box) and need <= self.text_rect.h and widest <= self.text_rect.w

    # ---------------------------------------------------------------- events
    def handle_event(self, event) -> bool:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.next_button:
                self.next()
            elif event.ui_element is self.skip_button:
                self.close()
            return True
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE, pygame.K_RIGHT):
                self.next()
            return True
        return event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEWHEEL)

    # ---------------------------------------------------------------- drawing
    def _veil_surface(self, size) -> pygame.Surface:
        key = (size, tuple(self.highlight), self.app.pal.name)
        if key != self._veil_key:
            veil = pygame.Surface(size, pygame.SRCALPHA)
            veil.fill((*self.app.pal.ink, 165))
            veil.fill((0, 0, 0, 0), self.highlight)
            self._veil, self._veil_key = veil, key
        return self._veil

    def draw_content(self, surface: pygame.Surface) -> None:
        app, pal, u = self.app, self.app.pal, self.app.u
        surface.blit(self._veil_surface(surface.get_size()), (0, 0))
        pygame.draw.rect(surface, pal.accent, self.highlight, max(3, u(4)))
        card(surface, self.box, pal, u)
        band = pygame.Rect(self.box.x, self.box.y, self.box.w, max(u(6), 3))
        pygame.draw.rect(surface, pal.accent, band)
        y = self.text_rect.y
        for line in self.title_lines:
            blit(surface, self.title_font, line, pal.accent, (self.text_rect.x, y))
            y += self.title_font.get_linesize()
        y += u(10)
        for line in self.lines:
            blit(surface, self.text_font, line, pal.ink, (self.text_rect.x, y))
            y += self.text_font.get_linesize()
        count_font = app.fonts.get("italic", 13)
        count = f"{self.step + 1} of {len(STEPS)}"
        first = (self.skip_button or self.next_button).rect.x
        if self.box.x + self.pad + count_font.size(count)[0] + u(8) <= first:
            blit(surface, count_font, count, pal.ink_soft, (self.box.x + self.pad, self.next_button.rect.centery),
                 "midleft")
        art.star(surface, (self.box.right - u(16), self.box.y + u(18)), u(8), pal.accent, pal.ink, 1)


def u10(app) -> int:
    return app.u(10)
