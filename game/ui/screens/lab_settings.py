"""The lab's settings column: the scenario, what to compare it with (its base for a what-if),
the number of runs, the seed and the historiography slider, or a sweep of it from agency to
structure. It only collects choices; the lab screen runs them."""
from __future__ import annotations

import pygame
import pygame_gui

from game.content.loader import label_from_id
from game.ui import layout
from game.ui.session import ScenarioCache
from game.ui.text import blit
from game.ui.widgets import ListView, button, section_title

RUNS = (20, 100, 500, 2000)
# a sweep plays the scenario at each of these historiography settings (0 = agency, 1 = structure)
SWEEP = (0.0, 0.25, 0.5, 0.75, 1.0)


def snap(view: ListView, ids: list, selected) -> None:
    """Scroll a list so the selected row shows, by whole rows."""
    if selected in ids:
        view.ensure_visible(ids.index(selected))
        view.scroll = min(view.max_scroll, -(-view.scroll // view.row_h) * view.row_h)
NONE = "__none__"


class LabSettings:
    def __init__(self, app, scenarios=None):
        from game.ui.session import scenarios as all_scenarios
        self.app = app
        rows = list(scenarios) if scenarios is not None else all_scenarios()
        self.paths = {s.id: s.path for s in rows}
        self.descriptions = {s.id: s.description for s in rows}
        self.labels = {s.id: s.label for s in rows}
        self.ids = [s.id for s in rows]
        self.scenario_id = "whatif_lenin_lives" if "whatif_lenin_lives" in self.paths else (self.ids[0] if self.ids else None)
        self.baseline = NONE
        self.runs = 100
        self.seed_text = "1"
        self.weight = 0.5
        self.sweep = False              # a sweep of the historiography rather than one setting
        self.sweep_button = None
        self.cache = ScenarioCache(self.paths)
        self.entry = None
        self.slider = None
        self.pick(self.scenario_id)

    # ---------------------------------------------------------------- choices
    def label(self, sid: str) -> str:
        """The name the lists give a scenario (a study names its arms by id)."""
        return self.labels.get(sid) or label_from_id(sid)

    def scenario(self, sid: str | None):
        return self.cache.get(sid)

    @property
    def error(self) -> str:
        return self.cache.error

    def pick(self, sid: str | None) -> None:
        """A new scenario: its base becomes the baseline, its historiography the slider's value."""
        self.scenario_id = sid
        sc = self.scenario(sid)
        if sc is None:
            return
        base = getattr(sc, "base", None)
        self.baseline = base if base in self.paths else NONE
        self.weight = float(sc.historiography.structural)
        if self.slider is not None:
            self.slider.set_current_value(self.weight)
        if getattr(self, "base_list", None) is not None:
            self.base_list.selected = self.baseline
            snap(self.base_list, [r[0] for r in self.base_list.rows], self.baseline)

    def scenario_ref(self) -> str:
        return self.paths.get(self.scenario_id, self.scenario_id)

    def baseline_ref(self) -> str | None:
        if self.baseline == NONE:
            return None
        return self.paths.get(self.baseline, self.baseline)

    def seed(self) -> int:
        text = (self.entry.get_text() if self.entry is not None else self.seed_text).strip() or "1"
        if not text.isdigit():
            raise ValueError("the seed must be a whole number, 0 or more")
        return int(text)

    def sweep_setting(self):
        """("structural", values) for a sweep, else None (the slider's one setting)."""
        return ("structural", SWEEP) if self.sweep else None

    def set_sweep(self, on: bool) -> None:
        """A sweep compares the settings with each other, so it compares with no other scenario
        (and choosing one to compare with ends the sweep)."""
        self.sweep = on
        if on:
            self.baseline = NONE
            if getattr(self, "base_list", None) is not None:
                self.base_list.selected = NONE
        if self.sweep_button is not None:
            self.sweep_button.select() if on else self.sweep_button.unselect()
        if self.slider is not None:
            self.slider.disable() if on else self.slider.enable()

    def structural(self) -> float:
        if self.slider is not None:
            self.weight = round(float(self.slider.get_current_value()), 2)
        return self.weight

    # ---------------------------------------------------------------- layout
    def layout(self, manager, rect: pygame.Rect) -> None:
        app, u = self.app, self.app.u
        self.rect = rect
        title_h = app.fonts.get("display", 20).get_linesize() + u(14)
        bfont = app.fonts.theme_font("display", 19)
        bh = bfont.get_linesize() + u(12)
        cap = app.fonts.get("italic", 13).get_linesize()
        slider_h = max(u(24), bh - u(8))
        fixed = 2 * title_h + bh + u(14) + slider_h + cap + u(10)
        lists = rect.h - fixed - 2 * title_h
        row_h = app.fonts.get("text", 17).get_linesize() + u(10)           # a ListView's row
        top_h = max(row_h, int(lists * 0.58) // row_h * row_h)
        base_h = max(row_h, (lists - top_h) // row_h * row_h)
        y = rect.y
        self.titles = []
        self.titles.append((pygame.Rect(rect.x, y, rect.w, title_h), "Scenario"))
        rows = [(sid, self.label(sid), "") for sid in self.ids]
        self.list = ListView(pygame.Rect(rect.x, y + title_h, rect.w, top_h), rows, app, self.scenario_id)
        snap(self.list, self.ids, self.scenario_id)
        y += title_h + top_h + u(4)
        self.titles.append((pygame.Rect(rect.x, y, rect.w, title_h), "Compare with"))
        base_rows = [(NONE, "Nothing: this scenario alone", "")] + rows
        self.base_list = ListView(pygame.Rect(rect.x, y + title_h, rect.w, base_h), base_rows, app, self.baseline)
        snap(self.base_list, [r[0] for r in base_rows], self.baseline)
        y += title_h + base_h + u(4)
        half = int((rect.w - u(16)) * 0.62)
        seed_w = rect.w - half - u(16)
        self.titles.append((pygame.Rect(rect.x, y, half, title_h), "Runs"))
        self.titles.append((pygame.Rect(rect.x + half + u(16), y, seed_w, title_h), "Seed"))
        y += title_h
        self.run_buttons = {}
        for n, r in zip(RUNS, layout.split_h(pygame.Rect(rect.x, y, half, bh), [1.0] * len(RUNS), u(4))):
            b = button(manager, r, str(n), "@option",
                       f"{n:,} games (for each scenario compared, or each setting swept)", name=f"runs_{n}")
            if n == self.runs:
                b.select()
            self.run_buttons[b] = n
        old = self.entry.get_text() if self.entry is not None else self.seed_text
        self.entry = pygame_gui.elements.UITextEntryLine(pygame.Rect(rect.x + half + u(16), y, seed_w, bh), manager,
                                                         object_id="#lab_seed")
        self.entry.set_allowed_characters("numbers")
        self.entry.set_text(old)
        y += bh + u(14)
        sweep_text = "Sweep 0 to 1"
        sweep_w = bfont.size(sweep_text)[0] + u(24)
        sweep_h = min(title_h - u(6), bh)
        self.sweep_button = button(manager, pygame.Rect(rect.right - sweep_w, y, sweep_w, sweep_h), sweep_text,
                                   "@option", "Play the scenario at each setting from 0 (agency) to 1 "
                                   "(structure), the same seeds at each, and compare", name="sweep")
        self.weight_title = pygame.Rect(rect.x, y, rect.w - sweep_w - u(8), title_h)
        y += title_h
        self.slider = pygame_gui.elements.UIHorizontalSlider(pygame.Rect(rect.x, y, rect.w, slider_h), self.weight,
                                                             (0.0, 1.0), manager, click_increment=0.05,
                                                             object_id="#structural")
        self.caption_y = y + slider_h + u(4)
        self.set_sweep(self.sweep)

    # ---------------------------------------------------------------- events
    def handle_button(self, element) -> None:
        if element is self.sweep_button:
            self.set_sweep(not self.sweep)
        elif element in self.run_buttons:
            self.runs = self.run_buttons[element]
            for b, n in self.run_buttons.items():
                b.select() if n == self.runs else b.unselect()

    def handle_event(self, event) -> bool:
        chosen = self.list.handle_event(event)
        if chosen:
            self.pick(chosen)
            return True
        base = self.base_list.handle_event(event)
        if base:
            self.baseline = base
            if base != NONE and self.sweep:
                self.set_sweep(False)
            return True
        return False

    # ---------------------------------------------------------------- drawing
    def draw(self, surface: pygame.Surface) -> None:
        app, pal, u = self.app, self.app.pal, self.app.u
        for r, text in self.titles:
            section_title(surface, r, text, app)
        self.list.draw(surface)
        self.base_list.draw(surface)
        weight = self.structural()
        title = "Historiography: swept" if self.sweep else f"Historiography: structure {weight:.2f}"
        section_title(surface, self.weight_title, title, app)
        f = app.fonts.get("italic", 13)
        blit(surface, f, "0 = agency", pal.ink_soft, (self.rect.x, self.caption_y),
             max_width=self.rect.w // 2 - u(4))
        blit(surface, f, "1 = structure", pal.ink_soft, (self.rect.right, self.caption_y),
             "topright", max_width=self.rect.w // 2 - u(4))
        if self.error:
            blit(surface, app.fonts.get("bold", 13), self.error, pal.accent_dark, self.list.rect.bottomleft,
                 "bottomleft", max_width=self.list.rect.w)
