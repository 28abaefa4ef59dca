"""Choosing a scenario, a leader (two for hot seat) and the rivals' difficulty, with briefings."""
from __future__ import annotations

import pygame
import pygame_gui

from game.replay.views import surname
from game.ui import layout, people
from game.ui.richtext import RichText, RichTextView
from game.ui.screen import Screen
from game.ui.session import DIFFICULTY_TEXT, ScenarioCache, Session, difficulties, scenarios
from game.ui.text import blit
from game.ui.widgets import ListView, button, card, header, section_title


class ScenarioSelectScreen(Screen):
    name = "scenario_select"

    def __init__(self, app, hotseat: bool = False):
        super().__init__(app)
        self.hotseat = hotseat
        listed = scenarios()
        self.rows = [(s.id, s.label, "") for s in listed]
        self.descriptions = {s.id: s.description for s in listed}
        self.paths = {s.id: s.path for s in listed}
        self.scenario_id = "campaign" if "campaign" in self.paths else (self.rows[0][0] if self.rows else None)
        self.cache = ScenarioCache(self.paths)
        self.chosen: list[str] = []
        self.difficulty = "normal"

    def shortcuts(self):
        return [("Enter", "Begin the game"), ("Esc", "Back to the menu")]

    # ---------------------------------------------------------------- data
    def scenario(self):
        return self.cache.get(self.scenario_id)

    @property
    def error(self) -> str:
        return self.cache.error

    def roles(self) -> list:
        sc = self.scenario()
        return list(sc.sides()) if sc is not None else []

    # ---------------------------------------------------------------- layout
    def layout(self, rect: pygame.Rect) -> None:
        app, u = self.app, self.app.u
        w, h = rect.size
        self.header_rect = self.poster_header(w)
        bfont = app.fonts.theme_font("display", 19)
        self.back_button = self.header_back_button(w, "Return to the menu (Esc)")
        body = pygame.Rect(u(30), self.header_rect.bottom + u(22), w - u(60), h - self.header_rect.bottom - u(44))
        # the list widens with the text, so that larger text still shows whole names
        share = min(0.36, 0.27 * (1 + 0.7 * (app.settings.text_scale - 1)))
        self.left, self.right = layout.split_h(body, [share, 1 - share], u(24))
        inner = layout.inset(self.left, u(14))
        title_h = app.fonts.get("display", 20).get_linesize() + u(16)
        bh = bfont.get_linesize() + u(14)
        diff_h = title_h + bh + app.fonts.get("italic", 13).get_linesize() * 3 + u(10)
        self.list_title = pygame.Rect(inner.x, inner.y, inner.w, title_h)
        self.list = ListView(pygame.Rect(inner.x, inner.y + title_h, inner.w, inner.h - title_h - diff_h - u(10)),
                             self.rows, app, self.scenario_id)
        self.diff_rect = pygame.Rect(inner.x, inner.bottom - diff_h, inner.w, diff_h)
        self.diff_buttons = {}
        levels = difficulties()
        cells = layout.split_h(pygame.Rect(inner.x, self.diff_rect.y + title_h, inner.w, bh), [1.0] * len(levels), u(6))
        for key, r in zip(levels, cells):
            b = button(self.manager, r, key.capitalize(), "@option", DIFFICULTY_TEXT.get(key, key), name=f"diff_{key}")
            if key == self.difficulty:
                b.select()
            self.diff_buttons[b] = key
        rin = layout.inset(self.right, u(20), u(16))
        begin_w = max(u(170), bfont.size("Begin the game")[0] + u(40))
        self.begin = button(self.manager, pygame.Rect(rin.right - begin_w, rin.bottom - bh, begin_w, bh),
                            "Begin the game", "@action", "Start with the chosen leader (Enter)", name="begin")
        self.rin = rin
        self._build_texts()

    def _build_texts(self) -> None:
        app, u, pal = self.app, self.app.u, self.app.pal
        rin = self.rin
        sc = self.scenario()
        roles = self.roles()
        if self.hotseat:
            self.chosen = [p for p in self.chosen if p in [r.person for r in roles]][:2]
        else:
            self.chosen = [p for p in self.chosen if p in [r.person for r in roles]][:1]
        if not self.chosen and roles:
            self.chosen = [r.person for r in roles[: 2 if self.hotseat else 1]]
        title_font = app.fonts.get("display", 30)
        self.title_y = rin.y
        top = rin.y + title_font.get_linesize() + u(6)
        brief_h = int(rin.h * 0.30)
        text = self.error or (sc.briefing if sc is not None else "No scenario found.")
        rich = RichText(app.glossary.mark(text), app.fonts, 16, "serif", pal.ink, pal.link, pal.accent,
                        label_for=app.glossary.label)
        self.brief = RichTextView(pygame.Rect(rin.x, top, rin.w, brief_h), rich, pal.accent)
        n = max(1, len(roles))
        portrait = int(min(rin.h * 0.22, (rin.w - u(10) * (n - 1)) / n * 0.62))
        name_h = app.fonts.get("display", 16).get_linesize()
        y = top + brief_h + u(14)
        self.role_rects = []
        x = rin.x
        cell = max(portrait + u(16), int((rin.w - u(10) * (n - 1)) / n))
        for r in roles:
            self.role_rects.append((r.person, pygame.Rect(x, y, cell, portrait + name_h + u(12))))
            x += cell + u(10)
        self.portrait_size = portrait
        detail_top = y + portrait + name_h + u(24)
        detail = pygame.Rect(rin.x, detail_top, rin.w, self.begin.rect.y - detail_top - u(10))
        rich = RichText(app.glossary.mark(self._role_markup()), app.fonts, 15, "sans", pal.ink, pal.link, pal.accent,
                        label_for=app.glossary.label)
        self.detail = RichTextView(detail, rich, pal.accent)
        if sc is None or len(self.chosen) < (2 if self.hotseat else 1):
            self.begin.disable()
        else:
            self.begin.enable()

    def _role_markup(self) -> str:
        sc = self.scenario()
        if sc is None:
            return ""
        parts = []
        for pid in self.chosen:
            role = next(r for r in sc.sides() if r.person == pid)
            person = next(p for p in sc.persons if p.id == pid)
            parts.append(f"**{person.name}.** {role.briefing}")
            if role.strengths:
                parts.append(f"*Strengths and weaknesses:* {role.strengths}")
            if person.aims:
                parts.append(f"*Aims:* {person.aims}")
        if parts and not sc.roles:
            parts.append("*This scenario names no sides of its own: the briefing above serves every leader.*")
        return "\n\n".join(parts) or "Choose a leader."

    # ---------------------------------------------------------------- events
    def handle_event(self, event) -> bool:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.back_button:
                self.back()
            elif event.ui_element is self.begin:
                self.start()
            elif event.ui_element in self.diff_buttons:
                self.difficulty = self.diff_buttons[event.ui_element]
                for b, key in self.diff_buttons.items():
                    b.select() if key == self.difficulty else b.unselect()
            return True
        chosen = self.list.handle_event(event)
        if chosen and chosen != self.scenario_id:
            self.scenario_id = chosen
            self.chosen = []
            self._build_texts()
            return True
        for view in (self.brief, self.detail):
            link = view.handle_event(event)
            if link:
                self.app.open_glossary(link)
                return True
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            for pid, r in self.role_rects:
                if r.collidepoint(event.pos):
                    self.pick(pid)
                    return True
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            if self.begin.is_enabled:
                self.start()
            return True
        return False

    def pick(self, pid: str) -> None:
        if self.hotseat:
            if pid in self.chosen:
                self.chosen.remove(pid)
            else:
                self.chosen = (self.chosen + [pid])[-2:]
        else:
            self.chosen = [pid]
        self._build_texts()

    def start(self) -> None:
        sc = self.scenario()
        if sc is None:
            return
        if not self.app.await_rules():
            return
        from game.ui.screens.game_screen import GameScreen
        session = Session.new(sc, self.chosen, self.difficulty, mode="hotseat" if self.hotseat else "campaign")
        self.app.session = session
        game = GameScreen(self.app, session)
        self.app.replace(game)
        from game.ui.screens import coach
        coach.maybe_start(self.app, game)

    # ---------------------------------------------------------------- drawing
    def draw_content(self, surface: pygame.Surface) -> None:
        app, pal, u, fonts = self.app, self.app.pal, self.app.u, self.app.fonts
        header(surface, self.header_rect, "Hot seat" if self.hotseat else "New campaign", app,
               "two players, one computer" if self.hotseat else "choose a scenario and a leader")
        card(surface, self.left, pal, u)
        card(surface, self.right, pal, u)
        section_title(surface, self.list_title, "Scenario", app)
        self.list.draw(surface)
        y = section_title(surface, self.diff_rect, "Rivals", app)
        blit(surface, fonts.get("italic", 13), DIFFICULTY_TEXT.get(self.difficulty, ""), pal.ink_soft,
             (self.diff_rect.x, self.diff_buttons and next(iter(self.diff_buttons)).rect.bottom + u(6)),
             max_width=self.diff_rect.w)
        del y
        sc = self.scenario()
        title = sc.title if sc is not None else "Scenario could not be loaded"
        blit(surface, fonts.fit("display", 30, title, self.rin.w, 14), title, pal.ink, (self.rin.x, self.title_y))
        self.brief.draw(surface)
        names = {p.id: p.name.upper() for p in sc.persons} if sc is not None else {}
        name_font = fonts.get("display", 16)
        if self.role_rects:
            # one size for every name: the largest in which the widest fits its portrait; where
            # many sides share the row and full names will not fit even small, the surnames
            room = self.role_rects[0][1].w - u(4)
            for names in (names, {pid: surname(n) for pid, n in names.items()}):
                widest = max((names[pid] for pid, _r in self.role_rects), key=lambda n: name_font.size(n)[0])
                name_font = fonts.fit("display", 16, widest, room, 11)
                if name_font.size(widest)[0] <= room:
                    break
        for pid, r in self.role_rects:
            chosen = pid in self.chosen
            if chosen:
                pygame.draw.rect(surface, pal.accent, r.inflate(u(6), u(6)))
            img = people_portrait(self, pid)
            surface.blit(img, img.get_rect(midtop=(r.centerx, r.y + u(4))))
            colour = pal.paper_light if chosen else pal.ink
            blit(surface, name_font, names[pid], colour, (r.centerx, r.y + u(8) + self.portrait_size), "midtop",
                 max_width=r.w - u(4))
            if self.hotseat and chosen:
                blit(surface, fonts.get("display", 14), f"PLAYER {self.chosen.index(pid) + 1}", pal.paper_light,
                     (r.x + u(4), r.y + u(2)))
        self.detail.draw(surface)


def people_portrait(screen, pid: str):
    from game.ui import art
    from game.ui.fonts import font_path
    sc = screen.scenario()
    person = next(p for p in sc.persons if p.id == pid)
    leaders = [p.id for p in sc.persons if p.leader]
    ci = leaders.index(pid) if pid in leaders else 7
    return art.portrait(pid, screen.portrait_size, screen.app.pal, initials=person.portrait or people.initials(person.name),
                        font_path=font_path("display"), colour_index=ci)
