"""Two small windows of the historical replay: taking over as a leader from the month shown
(history plays until then, the player plays on in the ordinary game screen), and choosing which
scenario's history to watch."""
from __future__ import annotations

import pygame
import pygame_gui

from game.ui import layout, people
from game.ui.screens.game_menu import Overlay
from game.ui.screens.list_picker import ListPicker
from game.ui.session import DIFFICULTY_TEXT, difficulties
from game.ui.text import blit, wrap
from game.ui.widgets import button


class TakeOverDialog(Overlay):
    name = "takeover"

    def __init__(self, app, model, pos: int):
        super().__init__(app)
        self.model = model
        self.pos = pos
        self.difficulty = "normal"
        self.band_text = f"Take over from {people.long_date(model.next_date(pos))}"
        self.moment = model.moment(pos)

    def shortcuts(self):
        return [("1-9", "Take over as that leader"), ("Esc", "Back to the replay")]

    def layout(self, rect: pygame.Rect) -> None:
        app, u = self.app, self.app.u
        roles = self.model.roles()
        w = min(int(rect.w * 0.78), u(900))
        inner_w = w - 2 * u(26)
        self.band_h = app.fonts.get("display", 20).get_linesize() + u(14)
        self.text_font = app.fonts.get("serif", 15)
        until = people.long_date(self.model.date(self.pos)) if self.pos else None
        self.text = (f"{self.model.played_by} has played until {until}. " if until else "Nothing has been played yet. ") + \
            (f"From {people.long_date(self.model.next_date(self.pos))} you play the leader you choose; the computer "
             "plays the others. The game is autosaved every turn, and its debrief sets your path beside history.")
        self.lines = wrap(self.text_font, self.text, inner_w)
        bfont = app.fonts.theme_font("display", 19)
        bh = bfont.get_linesize() + u(14)
        n = max(1, len(roles))
        pic = min(u(110), (inner_w - (n - 1) * u(10)) // n - u(8))
        cell_h = pic + app.fonts.get("display", 16).get_linesize() + u(12)
        text_h = len(self.lines) * self.text_font.get_linesize()
        diff_h = bh + app.fonts.get("italic", 13).get_linesize() + u(6)
        self.box = pygame.Rect(0, 0, w, self.band_h + u(16) + text_h + u(14) + cell_h + u(16) + diff_h + u(22))
        self.box.center = rect.center
        inner = layout.inset(self.box, u(26), u(16))
        self.text_y = self.box.y + self.band_h + u(16)
        cells = layout.split_h(pygame.Rect(inner.x, self.text_y + text_h + u(14), inner.w, cell_h), [1.0] * n, u(10))
        self.pic = pic
        self.role_buttons = {}
        self.cells = []
        for i, (pid, cell) in enumerate(zip(roles, cells)):
            b = button(self.manager, cell, "", "@back", f"Take over as {self.moment.name(pid)} (key {i + 1})",
                       name=f"as_{pid}")
            self.role_buttons[b] = pid
            self.cells.append((pid, cell))
        dy = cells[0].bottom + u(16) if cells else inner.y
        levels = difficulties()
        dw = min(u(130), (inner.w // 2) // max(1, len(levels)))
        self.diff_buttons = {}
        for i, key in enumerate(levels):
            b = button(self.manager, pygame.Rect(inner.x + i * (dw + u(6)), dy, dw, bh), key.capitalize(), "@option",
                       DIFFICULTY_TEXT.get(key, key), name=f"diff_{key}")
            if key == self.difficulty:
                b.select()
            self.diff_buttons[b] = key
        self.diff_note = (inner.x, dy + bh + u(4), inner.w)
        cw = max(u(110), bfont.size("Cancel")[0] + u(36))
        self.cancel = button(self.manager, pygame.Rect(inner.right - cw, dy, cw, bh), "Cancel", "@back",
                             "Back to the replay (Esc)", name="cancel")

    def choose(self, pid: str) -> None:
        from game.ui.screens.load_screen import open_session
        session = self.model.take_over(self.pos, pid, self.difficulty)
        open_session(self.app, session)

    def handle_event(self, event) -> bool:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element in self.role_buttons:
                self.choose(self.role_buttons[event.ui_element])
            elif event.ui_element in self.diff_buttons:
                self.difficulty = self.diff_buttons[event.ui_element]
                for b, k in self.diff_buttons.items():
                    b.select() if k == self.difficulty else b.unselect()
            elif event.ui_element is self.cancel:
                self.app.pop()
            return True
        if event.type == pygame.KEYDOWN:
            roles = [pid for pid, _ in self.cells]
            i = event.key - pygame.K_1
            if 0 <= i < len(roles):
                self.choose(roles[i])
            return True
        return event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP)

    def draw_over(self, surface: pygame.Surface) -> None:
        """Portraits and names over the (empty) role buttons."""
        app, pal, u = self.app, self.app.pal, self.app.u
        f = app.fonts.get("display", 16)
        for pid, cell in self.cells:
            img = people.portrait(self.moment, pal, pid, self.pic)
            surface.blit(img, img.get_rect(midtop=(cell.centerx, cell.y + u(4))))
            blit(surface, f, self.moment.short(pid).upper(), pal.ink, (cell.centerx, cell.bottom - u(4)), "midbottom",
                 max_width=cell.w - u(6))

    def draw_content(self, surface: pygame.Surface) -> None:
        super().draw_content(surface)
        app, pal = self.app, self.app.pal
        y = self.text_y
        for line in self.lines:
            blit(surface, self.text_font, line, pal.ink, (self.box.x + app.u(26), y))
            y += self.text_font.get_linesize()
        x, y, w = self.diff_note
        blit(surface, app.fonts.get("italic", 13), DIFFICULTY_TEXT.get(self.difficulty, ""), pal.ink_soft,
             (x, y), max_width=w)


class ScenarioPicker(ListPicker):
    """Which scenario's history to watch: the campaign and its start points."""
    name = "scenario_picker"

    def __init__(self, app, replay):
        super().__init__(app)
        from game.ui.session import scenarios
        self.replay = replay
        self.band_text = "Replay the history of…"
        listed = scenarios()
        self.rows = [(s.id, s.label, "") for s in listed if not s.id.startswith("whatif_")]
        self.selected = replay.scenario_id
        self.descriptions = {s.id: s.description for s in listed}
        self.paths = {s.id: s.path for s in listed}

    def shortcuts(self):
        return [("Up, Down", "Choose a scenario"), ("Enter", "Replay its history"), ("Esc", "Back to the replay")]

    def note(self, key) -> str:
        return self.descriptions.get(key, "")

    def choose(self, key) -> None:
        from game.ui.screens.replay_screen import ReplayScreen
        self.app.pop()
        self.app.replace(ReplayScreen(self.app, self.paths.get(key, key)))
        self.app.top.scenario_id = key
