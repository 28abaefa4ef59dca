"""Loading a game: the saves (named saves and the autosaves of the last turns), what each
holds, and loading one. A save that cannot be loaded shows why in a message; the game goes on.

``open_session`` and ``continue_last`` are the ways into a saved game from anywhere (the title
menu's Continue, the in-game menu)."""
from __future__ import annotations

import time
from pathlib import Path

import pygame
import pygame_gui

from game.ui import layout, people
from game.ui.screen import Screen
from game.ui.text import blit, blit_wrapped
from game.ui.widgets import ListView, button, card, header, section_title


def save_label(path: str) -> str:
    stem = Path(path).stem
    if stem.startswith("autosave-"):
        n = stem.split("-", 1)[1]
        return f"Autosave {n}" + (" (newest)" if n == "1" else "")
    return stem


def show_error(app, title: str, message: str) -> None:
    from game.ui.screens.message import MessageDialog
    app.push(MessageDialog(app, title, message, kind="error"))


def open_session(app, session) -> None:
    """Make ``session`` the game being played: the title beneath, the game screen on top, and
    any warning from loading it in a message."""
    from game.ui.screens.game_screen import GameScreen
    from game.ui.screens.message import MessageDialog
    from game.ui.screens.title import TitleScreen
    app.session = session
    app.reset(TitleScreen(app))
    app.push(GameScreen(app, session))
    notes = session.new_warnings()
    if notes:
        app.push(MessageDialog(app, "Loaded, with a warning", " ".join(notes)))


def continue_last(app) -> None:
    """The title menu's Continue: the game left for the menu, else the newest autosave that loads."""
    from game.replay.saves import SaveError
    from game.ui.session import Session
    if app.session is not None:
        open_session(app, app.session)
        return
    try:
        session = Session.load_autosave()
    except SaveError as err:
        show_error(app, "The last game cannot be continued", err.message)
        return
    open_session(app, session)


def has_autosave() -> bool:
    from game.replay.saves import newest_good_autosave
    try:
        return newest_good_autosave() is not None
    except OSError:
        return False


class LoadScreen(Screen):
    name = "load"

    def __init__(self, app, folder=None):
        super().__init__(app)
        self.folder = folder
        self.saves = []
        self.selected: str | None = None
        self.refresh()

    def refresh(self) -> None:
        from game.replay.saves import list_saves
        self.saves = list_saves(self.folder)
        paths = [s.path for s in self.saves]
        if self.selected not in paths:
            self.selected = paths[0] if paths else None

    @property
    def info(self):
        return next((s for s in self.saves if s.path == self.selected), None)

    def shortcuts(self):
        return [("Up, Down", "Choose a save"), ("Enter", "Load it"), ("Esc", "Back")]

    def folder_path(self) -> Path:
        from game.replay.files import saves_dir
        return Path(self.folder) if self.folder is not None else saves_dir()

    # ---------------------------------------------------------------- layout
    def layout(self, rect: pygame.Rect) -> None:
        app, u = self.app, self.app.u
        w, h = rect.size
        self.header_rect = self.poster_header(w)
        bfont = app.fonts.theme_font("display", 19)
        self.back_button = self.header_back_button(w, "Return (Esc)")
        body = pygame.Rect(u(30), self.header_rect.bottom + u(22), w - u(60), h - self.header_rect.bottom - u(44))
        self.left, self.right = layout.split_h(body, [0.42, 0.58], u(24))
        inner = layout.inset(self.left, u(14))
        title_h = app.fonts.get("display", 20).get_linesize() + u(16)
        self.list_title = pygame.Rect(inner.x, inner.y, inner.w, title_h)
        self.list = ListView(pygame.Rect(inner.x, inner.y + title_h, inner.w, inner.h - title_h), self._rows(), app,
                             self.selected)
        self.rin = layout.inset(self.right, u(20), u(16))
        bh = bfont.get_linesize() + u(14)
        lw = max(u(150), bfont.size("Load this game")[0] + u(40))
        self.load_button = button(self.manager, pygame.Rect(self.rin.right - lw, self.rin.bottom - bh, lw, bh),
                                  "Load this game", "@action", "Load the chosen save (Enter)", name="load")
        if self.info is None:
            self.load_button.disable()

    def _rows(self) -> list[tuple[str, str, str]]:
        rows = []
        for s in self.saves:
            note = people.long_date(s.date) if s.ok else "cannot be loaded"
            rows.append((s.path, save_label(s.path), note))
        return rows

    # ---------------------------------------------------------------- events
    def handle_event(self, event) -> bool:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.back_button:
                self.back()
            elif event.ui_element is self.load_button:
                self.load_selected()
            return True
        chosen = self.list.handle_event(event)
        if chosen:
            self.selected = chosen
            return True
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_UP, pygame.K_DOWN):
                self.selected = self.list.move(1 if event.key == pygame.K_DOWN else -1) or self.selected
                return True
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                self.load_selected()
                return True
        return False

    def load_selected(self) -> None:
        from game.replay.saves import SaveError
        from game.ui.session import Session
        info = self.info
        if info is None:
            return
        try:
            session = Session.load(info.path)
        except SaveError as err:
            show_error(self.app, "This save cannot be loaded", err.message)
            return
        open_session(self.app, session)

    # ---------------------------------------------------------------- drawing
    def draw_content(self, surface: pygame.Surface) -> None:
        app, pal, u, fonts = self.app, self.app.pal, self.app.u, self.app.fonts
        header(surface, self.header_rect, "Load game", app, "named saves and the autosaves of the last turns")
        card(surface, self.left, pal, u)
        card(surface, self.right, pal, u)
        section_title(surface, self.list_title, f"Saved games — {len(self.saves)}", app)
        self.list.draw(surface)
        rin = self.rin
        if not self.saves:
            blit_wrapped(surface, fonts.get("italic", 15),
                         "No saved games yet. A game saves itself after every turn (the autosaves), and can be "
                         "saved under a name from its menu.", pal.ink_soft,
                         pygame.Rect(self.list.rect.x, self.list.rect.y, self.list.rect.w, self.list.rect.h))
        info = self.info
        if info is None:
            self._folder_note(surface)
            return
        title = save_label(info.path)
        y = blit(surface, fonts.fit("display", 30, title.upper(), rin.w, 14), title.upper(), pal.ink, rin.topleft).bottom
        y += u(10)
        if info.ok:
            rows = [("Scenario", info.scenario or "—"), ("Reached", people.long_date(info.date)),
                    ("Turn", str(info.turn + 1)),
                    ("Played by", ", ".join(h.replace("_", " ").title() for h in info.humans) or "the computer"),
                    ("State", "finished" if info.over else "in progress")]
        else:
            rows = []
        rows.append(("Saved", time.strftime("%d %B %Y, %H:%M", time.localtime(info.modified)) if info.modified else "—"))
        rows.append(("File", Path(info.path).name))
        label_f, value_f = fonts.get("bold", 15), fonts.get("text", 15)
        label_w = max(label_f.size(k)[0] for k, _ in rows) + u(16)
        for k, v in rows:
            blit(surface, label_f, k, pal.ink_soft, (rin.x, y))
            blit(surface, value_f, v, pal.ink, (rin.x + label_w, y), max_width=rin.w - label_w)
            y += value_f.get_linesize() + u(4)
        if not info.ok:
            y += u(10)
            box = pygame.Rect(rin.x, y, rin.w, self.load_button.rect.y - y - u(60))
            used = blit_wrapped(surface, fonts.get("bold", 15), info.problem, pal.accent_dark, box)
            y += used
        self._folder_note(surface)

    def _folder_note(self, surface) -> None:
        app, pal, u = self.app, self.app.pal, self.app.u
        f = app.fonts.get("italic", 13)
        lh = f.get_linesize()
        r = pygame.Rect(self.rin.x, self.rin.bottom - 2 * lh, self.load_button.rect.x - self.rin.x - u(12), 2 * lh)
        blit_wrapped(surface, f, f"Folder: {self.folder_path()}", pal.ink_soft, r, spacing=1.0, max_lines=2)
