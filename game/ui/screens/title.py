"""Title and main menu: the poster, the cast, and the way into every mode of the game."""
from __future__ import annotations

import pygame
import pygame_gui

from game.ui import art
from game.ui.fonts import font_path
from game.ui.screen import Screen
from game.ui.text import blit
from game.ui.widgets import button

CAST = ("lenin", "trotsky", "stalin", "zinoviev", "kamenev", "bukharin")
CAST_NAMES = {"lenin": "Lenin", "trotsky": "Trotsky", "stalin": "Stalin", "zinoviev": "Zinoviev",
              "kamenev": "Kamenev", "bukharin": "Bukharin"}

# (key, label, hot key, tooltip). Openers are looked up in MenuActions; None means not yet built.
MENU = [
    ("continue", "Continue", pygame.K_c, "Resume the last game from its autosave"),
    ("campaign", "New campaign", pygame.K_n, "Choose a scenario and a leader; rivals played by the computer"),
    ("hotseat", "Hot seat", pygame.K_h, "Two players at one computer"),
    ("replay", "Historical replay", pygame.K_r, "Watch the historical moves with their sources; take over at any turn"),
    ("lab", "What-if lab", pygame.K_w, "Run a scenario many times and compare the outcomes"),
    ("load", "Load game", pygame.K_l, "Continue a saved game"),
    ("glossary", "Encyclopaedia", pygame.K_e, "The institutions, ideas and events of the 1920s, with sources"),
    ("settings", "Settings", pygame.K_s, "Window, text size, colour-blind palette, sound"),
    ("quit", "Quit", pygame.K_q, "Close the game"),
]


def menu_openers(app) -> dict:
    """The screen each menu item opens; items missing here are shown disabled."""
    from game.ui.screens import settings_screen
    openers = {
        "glossary": lambda: app.open_glossary(),
        "settings": lambda: app.push(settings_screen.SettingsScreen(app)),
        "quit": app.quit,
    }
    try:
        from game.ui.screens import modes
    except ImportError:
        return openers
    openers.update(modes.openers(app))
    return openers


class TitleScreen(Screen):
    background = "title"
    name = "title"

    def __init__(self, app):
        super().__init__(app)
        self.focus = 0
        self.buttons: dict[str, pygame_gui.elements.UIButton] = {}

    def shortcuts(self):
        keys = [("Up, Down, Enter", "Move through the menu and choose")]
        names = {pygame.K_c: "C", pygame.K_n: "N", pygame.K_h: "H", pygame.K_r: "R", pygame.K_w: "W", pygame.K_l: "L",
                 pygame.K_e: "E", pygame.K_s: "S", pygame.K_q: "Q"}
        openers = menu_openers(self.app)
        keys += [(names[k], label) for key, label, k, _ in MENU if key in openers]
        return keys

    def layout(self, rect: pygame.Rect) -> None:
        w, h = rect.size
        u = self.app.u
        self.openers = menu_openers(self.app)
        font = self.app.fonts.theme_font("display", 25)
        btn_h = max(int(h * 0.058), font.get_linesize() + u(8))
        gap = max(u(4), int(h * 0.011))
        top = int(h * 0.37)
        avail = int(h * 0.95) - top
        while len(MENU) * (btn_h + gap) - gap > avail and gap > 2:
            gap -= 1
        btn_h = min(btn_h, (avail + gap) // len(MENU) - gap)
        x, bw = int(w * 0.045), int(w * 0.27)
        self.buttons = {}
        for i, (key, label, _, tip) in enumerate(MENU):
            r = pygame.Rect(x, top + i * (btn_h + gap), bw, btn_h)
            enabled = key in self.openers
            b = button(self.manager, r, label, "@menu", tip if enabled else tip + " (not available yet)", name=key)
            if not enabled:
                b.disable()
            self.buttons[key] = b
        keys = [k for k, *_ in MENU]
        if keys[self.focus] not in self.openers:
            self.focus = next((i for i, k in enumerate(keys) if k in self.openers), 0)
        self._cast_layout(rect)

    def _cast_layout(self, rect: pygame.Rect) -> None:
        w, h = rect.size
        u = self.app.u
        size = int(min(h * 0.15, w * 0.082))
        gap = u(10)
        total = len(CAST) * size + (len(CAST) - 1) * gap
        x0 = int(w * 0.965) - total
        y = int(h * 0.955) - size - self.app.fonts.get("display", 15).get_linesize()
        self.cast = []
        for i, pid in enumerate(CAST):
            r = pygame.Rect(x0 + i * (size + gap), y, size, size)
            self.cast.append((pid, r))
            self.tips.add(r, f"{CAST_NAMES[pid]}")

    def activate(self, key: str) -> None:
        opener = self.openers.get(key)
        if opener:
            opener()

    def handle_event(self, event) -> bool:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            for key, b in self.buttons.items():
                if event.ui_element is b:
                    self.activate(key)
                    return True
        if event.type == pygame.KEYDOWN:
            enabled = [k for k, *_ in MENU if k in self.openers]
            keys = [k for k, *_ in MENU]
            if event.key in (pygame.K_DOWN, pygame.K_UP) and enabled:
                step = 1 if event.key == pygame.K_DOWN else -1
                i = self.focus
                for _ in keys:
                    i = (i + step) % len(keys)
                    if keys[i] in self.openers:
                        break
                self.focus = i
                return True
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                self.activate(keys[self.focus])
                return True
            for key, _, hot, _ in MENU:
                if event.key == hot and not event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
                    self.activate(key)
                    return True
        return False

    def back(self) -> None:
        """Esc on the title does nothing (Quit is on the menu)."""

    def draw_content(self, surface: pygame.Surface) -> None:
        pal, u, fonts = self.app.pal, self.app.u, self.app.fonts
        w, h = surface.get_size()
        # the title block: a slanted red slab with the name of the game
        slab = [(0, h * 0.055), (w * 0.545, h * 0.055), (w * 0.515, h * 0.245), (0, h * 0.245)]
        pygame.draw.polygon(surface, pal.ink, [(x + u(7), y + u(7)) for x, y in slab])
        art.polygon(surface, pal.accent, slab)
        title_font = fonts.fit("display", 118, "POLITBURO", int(w * 0.44), 24)
        blit(surface, title_font, "POLITBURO", pal.paper_light, (int(w * 0.045), int(h * 0.150)), "midleft")
        small = fonts.fit("display", 26, "ПОЛИТБЮРО ЦК РКП(б)", int(w * 0.30), 10)
        blit(surface, small, "ПОЛИТБЮРО ЦК РКП(б)", pal.ink, (int(w * 0.047), int(h * 0.055) - u(4)), "bottomleft")
        years = fonts.fit("display", 54, "1922–1929", int(w * 0.22), 14)
        r = blit(surface, years, "1922–1929", pal.ink, (int(w * 0.045), int(h * 0.245) + u(4)), "topleft")
        sub = fonts.fit("serif_italic", 19, "The struggle for Lenin's succession", int(w * 0.51) - r.right - u(16), 10)
        blit(surface, sub, "The struggle for Lenin's succession", pal.ink_soft,
             (r.right + u(16), r.bottom - u(8)), "bottomleft")
        # the focus marker of the keyboard menu
        key = MENU[self.focus][0]
        b = self.buttons.get(key)
        if b is not None:
            rr = b.rect
            tri = [(rr.x - u(20), rr.centery - u(9)), (rr.x - u(6), rr.centery), (rr.x - u(20), rr.centery + u(9))]
            art.polygon(surface, pal.accent, tri)
        # the cast
        cap_font = fonts.get("display", 15)
        for pid, rect in self.cast:
            img = art.portrait(pid, rect.w, pal, initials="", font_path=font_path("display"))
            pygame.draw.rect(surface, pal.ink, rect.move(u(4), u(4)))
            surface.blit(img, rect)
            blit(surface, cap_font, CAST_NAMES[pid].upper(), pal.ink, (rect.centerx, rect.bottom + u(2)), "midtop",
                 max_width=rect.w + u(8))
        hint = fonts.get("italic", 14)
        blit(surface, hint, "F1 — help and keyboard", pal.ink_soft, (int(w * 0.045), h - u(6)), "bottomleft")
