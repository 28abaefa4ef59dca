"""The end of the game: who leads, each role's result, who fell and when, the economy over the
whole game, and the historical path to compare with."""
from __future__ import annotations

import pygame
import pygame_gui

from game.ui import layout, people
from game.ui.charts import Series, line_chart
from game.ui.screen import Screen
from game.ui.text import blit, wrap
from game.ui.widgets import card, header, section_title

HISTORY_KINDS = ("expel", "remove_from_post", "condemn", "form_bloc")


class EndScreen(Screen):
    name = "end"

    def __init__(self, app, session):
        super().__init__(app)
        self.session = session
        self.result = session.outcome()

    def shortcuts(self):
        return [("D", "The debrief"), ("Esc", "Back to the game, to read the log")]

    def layout(self, rect: pygame.Rect) -> None:
        u = self.app.u
        w, h = rect.size
        self.header_rect = self.poster_header(w)
        self.menu = self.header_button(w - u(20), "Main menu", "@action", "Leave the game", "main_menu")
        self.game = self.header_button(self.menu.rect.x - u(10), "Back to the game", "@back",
                                       "Read the log and the press (Esc)", "back_to_game")
        self.debrief = self.header_button(self.game.rect.x - u(10), "Debrief", "@action",
                                          "Your path beside history, turning points, sources, "
                                          "questions (D)", "debrief")
        body = pygame.Rect(u(30), self.header_rect.bottom + u(22), w - u(60), h - self.header_rect.bottom - u(44))
        self.left, self.right = layout.split_h(body, [0.5, 0.5], u(24))

    def handle_event(self, event) -> bool:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.menu:
                from game.ui.screens.title import TitleScreen
                self.app.session = None
                self.app.reset(TitleScreen(self.app))
            elif event.ui_element is self.game:
                self.app.pop()
            elif event.ui_element is self.debrief:
                self.open_debrief()
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_d:
            self.open_debrief()
            return True
        return False

    def open_debrief(self) -> None:
        from game.ui.screens.debrief_screen import DebriefScreen
        self.app.push(DebriefScreen(self.app, self.session))

    def headline(self) -> str:
        r = self.result
        if r.get("collapse"):
            return "The worker-peasant alliance has collapsed"
        return f"{self.session.name(r.get('leader'))} leads the party"

    def draw_content(self, surface: pygame.Surface) -> None:
        app, pal, u, ses, r = self.app, self.app.pal, self.app.u, self.session, self.result
        header(surface, self.header_rect, "The end", app, people.long_date(ses.date))
        card(surface, self.left, pal, u)
        card(surface, self.right, pal, u)
        inner = layout.inset(self.left, u(18), u(14))
        hf = app.fonts.fit("display", 36, self.headline().upper(), inner.w, 14)
        y = blit(surface, hf, self.headline().upper(), pal.accent, inner.topleft).bottom + u(10)
        size = app.fonts.get("display", 18).get_linesize() * 2
        for role, res in r.get("roles", {}).items():
            if y + size > inner.bottom:
                break
            surface.blit(people.portrait(ses, pal, role, size, badge=False), (inner.x, y))
            mine = " (you)" if role in ses.players else ""
            blit(surface, app.fonts.get("display", 18), f"{ses.name(role).upper()}{mine}", pal.ink,
                 (inner.x + size + u(10), y))
            colour = pal.good if res == "won" else pal.bad
            blit(surface, app.fonts.get("display", 18), res.upper(), colour,
                 (inner.x + size + u(10), y + size // 2))
            y += size + u(8)
        y = section_title(surface, pygame.Rect(inner.x, y + u(6), inner.w, 10), "What became of them", app)
        f = app.fonts.get("text", 13)
        for label, key in (("Lost his last post", "removed"), ("Out of the Politburo", "fell"), ("Expelled", "expelled")):
            items = r.get(key) or {}
            if items and y + f.get_linesize() <= inner.bottom:
                text = f"{label}: " + ", ".join(f"{ses.name(p)} ({d})" for p, d in sorted(items.items(), key=lambda x: x[1]))
                for line in wrap(f, text, inner.w)[:2]:
                    blit(surface, f, line, pal.ink, (inner.x, y))
                    y += f.get_linesize()
        if r.get("died") and y + f.get_linesize() <= inner.bottom:
            blit(surface, f, "Died: " + ", ".join(ses.name(p) for p in r["died"]), pal.ink, (inner.x, y), max_width=inner.w)
        self._right(surface)

    def _right(self, surface) -> None:
        app, pal, u, ses = self.app, self.app.pal, self.app.u, self.session
        inner = layout.inset(self.right, u(18), u(14))
        chart, hist = layout.split_v(inner, [0.5, 0.5], u(14))
        dates = [d for d, _ in ses.history]
        line_chart(surface, chart, [Series("industrial prices", ses.series("industrial_prices"), pal.series[0], 0),
                                    Series("agricultural prices", ses.series("agricultural_prices"),
                                           pal.series[1] if pal.name != "poster" else pal.ink, 1)],
                   dates, app, reference=100.0, title="The scissors over your game")
        y = section_title(surface, hist, "What happened in history", app)
        f = app.fonts.get("text", 13)
        moves = [m for m in ses.scenario.script if m.action in HISTORY_KINDS]
        for m in moves:
            text = m.note or f"{ses.name(m.actor)}: {m.action.replace('_', ' ')} {ses.name(m.target) if m.target in ses.g.pidx else (m.target or '')}"
            for line in wrap(f, f"{m.date}  {text}", hist.w)[:2]:
                if y + f.get_linesize() > hist.bottom:
                    return
                blit(surface, f, line, pal.ink_soft, (hist.x, y))
                y += f.get_linesize()
        if not moves:
            blit(surface, app.fonts.get("italic", 13), "This scenario has no historical script.", pal.ink_soft, (hist.x, y))
