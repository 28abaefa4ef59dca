"""The end of the game: who leads, each role's result, who fell and when, the economy over the
whole game, and the historical path to compare with."""
from __future__ import annotations

import pygame
import pygame_gui

from game.ui import layout, people
from game.ui.charts import Series, line_chart
from game.ui.screen import Screen
from game.replay.ending import read_ending
from game.ui.text import blit, blit_wrapped, wrap
from game.ui.widgets import card, header, section_title

HISTORY_KINDS = ("expel", "remove_from_post", "condemn", "form_bloc")


class EndScreen(Screen):
    name = "end"

    def __init__(self, app, session):
        super().__init__(app)
        self.session = session
        self.result = session.outcome()
        self.ending = read_ending(session.g, session.state, self.result, session.records)

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
        app, pal, u, ses = self.app, self.app.pal, self.app.u, self.session
        header(surface, self.header_rect, "The end", app, people.long_date(ses.date))
        card(surface, self.left, pal, u)
        card(surface, self.right, pal, u)
        inner = layout.inset(self.left, u(18), u(14))
        y = self._roles(surface, inner, self._headline(surface, inner)) + u(6)
        fates_left = y + self._fates_height(inner.w) <= inner.bottom
        if fates_left:
            self._fates(surface, pygame.Rect(inner.x, y, inner.w, inner.bottom - y))
        self._right(surface, fates=not fates_left)

    def _headline(self, surface, inner: pygame.Rect) -> int:
        """The verdict, and under it how the leader stands (so a verdict that looks odd beside
        the fates below explains itself)."""
        app, pal, u = self.app, self.app.pal, self.app.u
        text = self.headline().upper()
        hf = app.fonts.fit("display", 36, text, inner.w, 14)
        y = blit(surface, hf, text, pal.accent, inner.topleft).bottom + u(4)
        if self.ending.basis:
            f = app.fonts.get("text", 13)
            y += blit_wrapped(surface, f, self.ending.basis, pal.ink_soft,
                              pygame.Rect(inner.x, y, inner.w, inner.bottom - y),
                              max_lines=self._basis_lines(inner, y))
        return y + u(8)

    def _basis_lines(self, inner: pygame.Rect, y: int) -> int:
        """How many lines how the leader stands may take: three, and more where the roles below
        still have room for every line of their reasons (large text: a leader who leads on his
        standing alone takes a sentence more to explain)."""
        f = self.app.fonts.get("text", 13)
        need = len(wrap(f, self.ending.basis, inner.w))
        if need <= 3:
            return need
        width, _ = self._reason_width(inner)
        rows = self._rows_height([min(3, len(wrap(f, r.reason, width))) for r in self.ending.roles])
        spare = (inner.bottom - y - rows - self.app.u(8)) // f.get_linesize() - 3
        return min(need, 3 + max(0, spare))

    def _reason_width(self, inner: pygame.Rect) -> tuple[int, int]:
        """(the width of a role's reason, the x where its name starts) (as ``_roles`` sets it)."""
        big = self.app.fonts.get("display", 18)
        x = inner.x + big.get_linesize() * 2 + self.app.u(10)
        word_w = max(big.size(r.result.upper())[0] for r in self.ending.roles) if self.ending.roles else 0
        return inner.right - x - word_w - self.app.u(10), x

    def _rows_height(self, counts: list[int]) -> int:
        """The height of the roles' rows with ``counts`` lines of reason each."""
        big, small = self.app.fonts.get("display", 18), self.app.fonts.get("text", 13)
        size, ls, gap = big.get_linesize() * 2, small.get_linesize(), self.app.u(8)
        # the reason starts beside the result word, centred on its line (as ``_roles`` sets it)
        top = size // 2 + (big.get_height() - ls) // 2
        return sum(max(size, top + n * ls) + gap for n in counts)

    def _roles(self, surface, inner: pygame.Rect, y: int) -> int:
        """Each role: portrait, name, won or lost, and why (see ``_reason_lines``)."""
        app, pal, u, ses = self.app, self.app.pal, self.app.u, self.session
        big, small = app.fonts.get("display", 18), app.fonts.get("text", 13)
        size = big.get_linesize() * 2
        width, x = self._reason_width(inner)
        word_w = inner.right - x - width - u(10)
        counts = self._reason_lines(width, inner.bottom - y)
        for res, lines in zip(self.ending.roles, counts):
            if y + size > inner.bottom:
                break
            surface.blit(people.portrait(ses, pal, res.role, size, badge=False), (inner.x, y))
            mine = " (you)" if res.role in ses.players else ""
            blit(surface, big, f"{ses.name(res.role).upper()}{mine}", pal.ink, (x, y),
                 max_width=inner.right - x)
            colour = pal.good if res.result == "won" else pal.bad
            word = blit(surface, big, res.result.upper(), colour, (x, y + size // 2))
            why = pygame.Rect(x + word_w + u(10), word.y + (word.h - small.get_linesize()) // 2,
                              inner.right - x - word_w - u(10), small.get_linesize() * lines)
            used = blit_wrapped(surface, small, res.reason, pal.ink_soft, why, spacing=1.0, max_lines=lines)
            y = max(y + size, why.y + used) + u(8)
        return y

    def _reason_lines(self, width: int, height: int) -> list[int]:
        """How many lines each role's reason may take: all it needs (up to three), cut from the
        longest first while the rows would overflow ``height``, down to one (ellipsized); so no
        role is left off the card."""
        small = self.app.fonts.get("text", 13)
        counts = [min(3, len(wrap(small, r.reason, width))) for r in self.ending.roles]
        while self._rows_height(counts) > height and max(counts, default=1) > 1:
            counts[counts.index(max(counts))] -= 1
        return counts

    def _fate_lines(self, width: int) -> list[str]:
        """What became of them, wrapped (every name: the list is never longer than the cast)."""
        f = self.app.fonts.get("text", 13)
        return [line for label, names in self.ending.fates
                for line in wrap(f, f"{label}: {names}", width)]

    def _fates_height(self, width: int) -> int:
        title = self.app.fonts.get("display", 20).get_linesize() + self.app.u(10)
        lines = max(1, len(self._fate_lines(width)))
        return title + lines * self.app.fonts.get("text", 13).get_linesize()

    def _fates(self, surface, rect: pygame.Rect) -> int:
        """Who fell, was expelled or died, and when; returns the y below."""
        f = self.app.fonts.get("text", 13)
        y = section_title(surface, rect, "What became of them", self.app)
        for line in self._fate_lines(rect.w) or ["No leader fell."]:
            blit(surface, f, line, self.app.pal.ink, (rect.x, y))
            y += f.get_linesize()
        return y

    def _right(self, surface, fates: bool = False) -> None:
        """The chart of the scissors and the historical path; what became of them on top when
        the left card had no room for it (large text on a small window)."""
        app, pal, u, ses = self.app, self.app.pal, self.app.u, self.session
        inner = layout.inset(self.right, u(18), u(14))
        top = self._fates(surface, inner) + u(14) if fates else inner.y
        chart, hist = layout.split_v(pygame.Rect(inner.x, top, inner.w, inner.bottom - top), [0.5, 0.5], u(14))
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
