"""The in-game menu (Menu button or Esc on the game screen): resume, save under a name, load,
the debrief so far, back to the title. Saving shows where the file went, or why it failed."""
from __future__ import annotations

import re

import pygame
import pygame_gui

from game.ui import art, layout, people
from game.ui.screen import Screen
from game.ui.text import blit, blit_wrapped
from game.ui.widgets import button, card

ITEMS = (("resume", "Resume", "Back to the game (Esc)"),
         ("save", "Save game…", "Save this game under a name"),
         ("load", "Load game…", "Leave this game for a saved one (it is autosaved)"),
         ("debrief", "Debrief so far", "Your path beside history, turning points, sources, questions"),
         ("title", "Main menu", "Leave the game; Continue on the menu brings it back"))


def safe_name(text: str) -> str:
    """A save's name as a file name: letters, digits, spaces, dashes and underscores."""
    name = re.sub(r"[^\w\- ]+", "_", text, flags=re.UNICODE).strip(" ._")
    return name[:60]


class Overlay(Screen):
    """A card in the middle of the dimmed screen beneath."""
    opaque = False
    background = None

    def draw_content(self, surface: pygame.Surface) -> None:
        pal, u = self.app.pal, self.app.u
        art.dim(surface, pal.ink, 150)
        card(surface, self.box, pal, u)
        band = pygame.Rect(self.box.x, self.box.y, self.box.w, self.band_h)
        pygame.draw.rect(surface, pal.accent, band)
        blit(surface, self.app.fonts.get("display", 20), self.band_text.upper(), pal.paper_light,
             (band.x + u(20), band.centery), "midleft", max_width=band.w - u(40))


class GameMenu(Overlay):
    name = "game_menu"

    def __init__(self, app, game_screen):
        super().__init__(app)
        self.game = game_screen
        self.session = game_screen.session

    @property
    def band_text(self) -> str:
        return f"Menu · {people.long_date(self.session.date)}"

    def shortcuts(self):
        return [("Esc", "Back to the game"), ("S", "Save"), ("L", "Load")]

    def layout(self, rect: pygame.Rect) -> None:
        app, u = self.app, self.app.u
        bfont = app.fonts.theme_font("display", 25)
        bh = bfont.get_linesize() + u(16)
        bw = max(u(300), max(bfont.size(label)[0] for _, label, _ in ITEMS) + u(60))
        self.band_h = app.fonts.get("display", 20).get_linesize() + u(14)
        gap = u(10)
        self.box = pygame.Rect(0, 0, bw + u(60), self.band_h + u(24) + len(ITEMS) * (bh + gap) + u(14))
        self.box.center = rect.center
        self.buttons = {}
        y = self.box.y + self.band_h + u(24)
        for key, label, tip in ITEMS:
            b = button(self.manager, pygame.Rect(self.box.x + u(30), y, bw, bh), label, "@menu", tip, name=key)
            self.buttons[b] = key
            y += bh + gap

    def handle_event(self, event) -> bool:
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element in self.buttons:
            self.activate(self.buttons[event.ui_element])
            return True
        if event.type == pygame.KEYDOWN:
            keys = {pygame.K_s: "save", pygame.K_l: "load", pygame.K_d: "debrief"}
            if event.key in keys:
                self.activate(keys[event.key])
            return True
        return event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP)

    def activate(self, key: str) -> None:
        app = self.app
        if key == "resume":
            app.pop()
        elif key == "save":
            app.replace(SaveDialog(app, self.session))
        elif key == "load":
            from game.ui.screens.load_screen import LoadScreen
            app.replace(LoadScreen(app))
        elif key == "debrief":
            from game.ui.screens.debrief_screen import DebriefScreen
            app.replace(DebriefScreen(app, self.session))
        elif key == "title":
            from game.ui.screens.title import TitleScreen
            app.reset(TitleScreen(app))


class SaveDialog(Overlay):
    name = "save"

    def __init__(self, app, session):
        super().__init__(app)
        self.session = session
        self.band_text = "Save the game"
        self.default = safe_name(f"{session.short(session.players[0]) if session.players else 'Game'} "
                                 f"{people.long_date(session.date)}")

    def shortcuts(self):
        return [("Enter", "Save"), ("Esc", "Cancel")]

    def layout(self, rect: pygame.Rect) -> None:
        app, u = self.app, self.app.u
        w = min(int(rect.w * 0.62), u(720))
        bfont = app.fonts.theme_font("display", 19)
        bh = bfont.get_linesize() + u(14)
        self.band_h = app.fonts.get("display", 20).get_linesize() + u(14)
        self.note_font = app.fonts.get("italic", 13)
        label_h = app.fonts.get("bold", 15).get_linesize()
        entry_h = app.fonts.theme_font("text", 16).get_linesize() + u(14)
        note_h = self.note_font.get_linesize() * 3
        self.box = pygame.Rect(0, 0, w, self.band_h + u(20) + label_h + u(6) + entry_h + u(10) + note_h
                               + u(12) + bh + u(22))
        self.box.center = rect.center
        inner = layout.inset(self.box, u(26), u(20))
        self.label_pos = (inner.x, self.box.y + self.band_h + u(20))
        ey = self.label_pos[1] + label_h + u(6)
        old = self.entry.get_text() if getattr(self, "entry", None) is not None else self.default
        self.entry = pygame_gui.elements.UITextEntryLine(pygame.Rect(inner.x, ey, inner.w, entry_h), self.manager,
                                                         object_id="#save_name")
        self.entry.set_text(old)
        self.entry.focus()
        self.note_rect = pygame.Rect(inner.x, ey + entry_h + u(10), inner.w, note_h)
        sw = max(u(120), bfont.size("Overwrite")[0] + u(40))
        cw = max(u(110), bfont.size("Cancel")[0] + u(36))
        self.save_button = button(self.manager, pygame.Rect(inner.right - sw, inner.bottom - bh, sw, bh), "Save",
                                  "@action", "Save under this name (Enter)", name="save")
        self.cancel = button(self.manager, pygame.Rect(self.save_button.rect.x - cw - u(10), inner.bottom - bh, cw, bh),
                             "Cancel", "@back", "Back to the game (Esc)", name="cancel")

    def target(self):
        from game.replay.files import SUFFIX, saves_dir
        name = safe_name(self.entry.get_text())
        return (saves_dir() / (name + SUFFIX)) if name else None

    def note(self) -> str:
        from game.replay.files import saves_dir
        path = self.target()
        if path is None:
            return "Type a name for the save."
        exists = " A save with this name exists: saving replaces it (the old one is kept as .bak)." \
            if path.exists() else ""
        return f"Into {saves_dir()}.{exists}"

    def update(self, dt: float) -> None:
        super().update(dt)
        path = self.target()
        label = "Overwrite" if path is not None and path.exists() else "Save"
        if self.save_button.text != label:
            self.save_button.set_text(label)
        self.save_button.enable() if path is not None else self.save_button.disable()

    def do_save(self) -> None:
        from game.ui.screens.message import MessageDialog
        name = safe_name(self.entry.get_text())
        if not name:
            return
        try:
            path = self.session.save(name)
        except OSError as err:
            self.app.replace(MessageDialog(self.app, "The game was not saved",
                                           f"The file could not be written ({err.strerror or err}). "
                                           "The game goes on; it is also autosaved after every turn.",
                                           kind="error"))
            return
        self.app.replace(MessageDialog(self.app, "Game saved",
                                       f"Saved as “{name}” ({people.long_date(self.session.date)}) in {path}. "
                                       "Load it from the title menu at any time."))

    def handle_event(self, event) -> bool:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.save_button:
                self.do_save()
            elif event.ui_element is self.cancel:
                self.app.pop()
            return True
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.do_save()
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.app.pop()
            return True
        return event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP)

    def back(self) -> None:
        self.app.pop()

    def draw_content(self, surface: pygame.Surface) -> None:
        super().draw_content(surface)
        app, pal = self.app, self.app.pal
        blit(surface, app.fonts.get("bold", 15), "Name of the save", pal.ink, self.label_pos)
        blit_wrapped(surface, self.note_font, self.note(), pal.ink_soft, self.note_rect, spacing=1.0, max_lines=3)
