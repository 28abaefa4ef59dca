"""The end of the game: who leads, the player's result beside it, each role's result (an aim of
several parts says which part failed), who fell and when, the economy over the whole game,
and the historical path to compare with. Either card scrolls (wheel, arrow and page keys) when
it holds more than it shows, with a mark at its foot while more follows."""
from __future__ import annotations

import pygame
import pygame_gui

from game.ui import layout, people, verdict
from game.ui.charts import Series, line_chart
from game.ui.panels import Scroller
from game.ui.screen import Screen
from game.replay.ending import read_ending
from game.ui.text import blit, blit_wrapped, wrap
from game.ui.widgets import card, header, section_title

HISTORY_KINDS = ("expel", "remove_from_post", "condemn", "form_bloc")
SCROLL_KEYS = (pygame.K_UP, pygame.K_DOWN, pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_HOME, pygame.K_END)


def more_cue(surface, view: pygame.Rect, scroller: Scroller, app) -> None:
    """The foot of a scrolled pane while more follows below: a fade and "more below" with a
    downward mark (the scroll bar says how much)."""
    if scroller.offset >= scroller.max:
        return
    pal, u = app.pal, app.u
    f = app.fonts.get("italic", 12)
    h = f.get_linesize() + u(6)
    band = pygame.Surface((view.w, h), pygame.SRCALPHA)
    band.fill((*pal.paper_light[:3], 225))
    surface.blit(band, (view.x, view.bottom - h))
    r = blit(surface, f, "more below", pal.accent_dark, (view.right - u(12), view.bottom - h // 2), "midright")
    x, y, t = r.x - u(6), r.centery, max(3, u(4))
    pygame.draw.polygon(surface, pal.accent_dark, [(x - 2 * t, y - t // 2), (x, y - t // 2), (x - t, y + t)])


class EndScreen(Screen):
    name = "end"

    def __init__(self, app, session):
        super().__init__(app)
        self.session = session
        self.result = session.outcome()
        self.ending = read_ending(session.g, session.state, self.result, session.records)
        # a role's reason names the part of an aim of several parts that failed
        self.reasons = {r.role: r.reason for r in self.ending.roles}
        self.scroll = Scroller()        # the verdict card
        self.hscroll = Scroller()       # what happened in history
        self.left_view = self.hist_view = pygame.Rect(0, 0, 0, 0)

    def shortcuts(self):
        return [("D", "The debrief"), ("Esc", "Back to the game, to read the log"),
                ("Up, Down, Page Up, Page Down", "Scroll the card under the mouse (the history "
                                                 "when it is elsewhere)")]

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
        if event.type == pygame.MOUSEWHEEL:
            return self.scroll.wheel(event, self.left, self._step()) or \
                self.hscroll.wheel(event, self.right, self._step())
        if event.type == pygame.KEYDOWN and event.key in SCROLL_KEYS:
            scroller, view = self._key_pane()
            page = max(self._step(), view.h - self._step())
            delta = {pygame.K_UP: -self._step(), pygame.K_DOWN: self._step(), pygame.K_PAGEUP: -page,
                     pygame.K_PAGEDOWN: page, pygame.K_HOME: -scroller.max, pygame.K_END: scroller.max}
            scroller.offset = max(0, min(scroller.max, scroller.offset + delta[event.key]))
            return True
        return False

    def _step(self) -> int:
        return self.app.fonts.get("text", 13).get_linesize() * 3

    def _key_pane(self) -> tuple[Scroller, pygame.Rect]:
        """The pane the keys scroll: the one under the mouse, else the history (else the
        verdict, when the history has nothing more to show)."""
        pos = pygame.mouse.get_pos()
        if self.left.collidepoint(pos) or (not self.right.collidepoint(pos) and not self.hscroll.max):
            return self.scroll, self.left_view
        return self.hscroll, self.hist_view

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
        self.left_view = inner
        # the card's content from its top, moved up by the scroll, clipped to the card
        page = pygame.Rect(inner.x, inner.y - self.scroll.offset, inner.w, inner.h)
        clip = surface.get_clip()
        surface.set_clip(inner)
        y = self._roles(surface, page, self._headline(surface, page)) + u(6)
        fates_left = y + self._fates_height(inner.w) <= page.bottom
        if fates_left:
            y = self._fates(surface, pygame.Rect(inner.x, y, inner.w, page.bottom - y))
        surface.set_clip(clip)
        self.scroll.set_extent(y - page.y, inner.h)
        self.scroll.bar(surface, inner.move(u(12), 0), pal.accent, u(4))
        more_cue(surface, inner, self.scroll, app)
        self._right(surface, fates=not fates_left)

    def _headline(self, surface, inner: pygame.Rect) -> int:
        """The verdict, under it how the leader stands (so a verdict that looks odd beside the
        fates below explains itself), then the player's own result in the same breath (a
        leader who lost his aims is told so, not left to read a LOST under a headline that
        names him)."""
        app, pal, u = self.app, self.app.pal, self.app.u
        text = self.headline().upper()
        hf = app.fonts.fit("display", 36, text, inner.w, 14)
        y = blit(surface, hf, text, pal.accent, inner.topleft).bottom + u(4)
        if self.ending.basis:
            f = app.fonts.get("text", 13)
            y += blit_wrapped(surface, f, self.ending.basis, pal.ink_soft,
                              pygame.Rect(inner.x, y, inner.w, 10 ** 5))
        f = app.fonts.get("bold", 15)
        for pid in self.session.players:
            said, won = verdict.player_result(self.session, self.ending, pid)
            if said:
                y += u(4) + blit_wrapped(surface, f, said, pal.good if won else pal.bad,
                                         pygame.Rect(inner.x, y + u(4), inner.w, 10 ** 5))
        return y + u(8)

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
        """Each role: portrait, name, won or lost, and why (see ``_reason_lines``); returns the
        y below the last (past the card's foot when the card must scroll)."""
        app, pal, u, ses = self.app, self.app.pal, self.app.u, self.session
        big, small = app.fonts.get("display", 18), app.fonts.get("text", 13)
        size = big.get_linesize() * 2
        width, x = self._reason_width(inner)
        word_w = inner.right - x - width - u(10)
        counts = self._reason_lines(width, inner.bottom - y)
        for res, lines in zip(self.ending.roles, counts):
            surface.blit(people.portrait(ses, pal, res.role, size, badge=False), (inner.x, y))
            mine = " (you)" if res.role in ses.players else ""
            blit(surface, big, f"{ses.name(res.role).upper()}{mine}", pal.ink, (x, y),
                 max_width=inner.right - x)
            colour = pal.good if res.result == "won" else pal.bad
            word = blit(surface, big, res.result.upper(), colour, (x, y + size // 2))
            why = pygame.Rect(x + word_w + u(10), word.y + (word.h - small.get_linesize()) // 2,
                              inner.right - x - word_w - u(10), small.get_linesize() * lines)
            used = blit_wrapped(surface, small, self.reasons[res.role], pal.ink_soft, why, spacing=1.0,
                                max_lines=lines)
            y = max(y + size, why.y + used) + u(8)
        return y

    def _reason_lines(self, width: int, height: int) -> list[int]:
        """How many lines each role's reason may take: the players' every line, the others'
        all they need (up to three), cut from the longest first while the rows would overflow
        ``height``, down to one (ellipsized). What still overflows, the card scrolls to."""
        small = self.app.fonts.get("text", 13)
        mine = [r.role in self.session.players for r in self.ending.roles]
        counts = [len(wrap(small, self.reasons[r.role], width)) if m
                  else min(3, len(wrap(small, self.reasons[r.role], width)))
                  for r, m in zip(self.ending.roles, mine)]
        while self._rows_height(counts) > height:
            cut = [c if not m else 0 for c, m in zip(counts, mine)]
            if max(cut, default=0) <= 1:
                break
            counts[cut.index(max(cut))] -= 1
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
        view = pygame.Rect(hist.x, y, hist.w, hist.bottom - y)
        self.hist_view = view
        lines = self._history_lines(f, view.w - u(10))
        self.hscroll.set_extent(len(lines) * f.get_linesize(), view.h)
        clip = surface.get_clip()
        surface.set_clip(view)
        y = view.y - self.hscroll.offset
        for line in lines:
            if view.y - f.get_linesize() < y < view.bottom:
                blit(surface, f, line, pal.ink_soft, (view.x, y))
            y += f.get_linesize()
        surface.set_clip(clip)
        self.hscroll.bar(surface, view, pal.accent, u(4))
        more_cue(surface, view, self.hscroll, app)
        if not lines:
            blit(surface, app.fonts.get("italic", 13), "This scenario has no historical script.", pal.ink_soft, view.topleft)

    def _history_lines(self, f, width: int) -> list[str]:
        """The historical script's turning points, each wrapped in full."""
        ses = self.session
        out = []
        for m in ses.scenario.script:
            if m.action not in HISTORY_KINDS:
                continue
            target = ses.name(m.target) if m.target in ses.g.pidx else (m.target or "")
            text = m.note or f"{ses.name(m.actor)}: {m.action.replace('_', ' ')} {target}"
            out += wrap(f, f"{m.date}  {text}", width)
        return out
