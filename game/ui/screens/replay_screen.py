"""The historical replay: the scenario's script played month by month by the engine, with the
commentary and its sources, the month's events, sittings and votes (each opens in the game's own
event, sitting and vote views, the votes explained voter by voter), the Politburo and the
scissors at that moment, and a timeline to jump to any month. "Take over" hands any leader to
the player from the month shown on: an ordinary game from there."""
from __future__ import annotations

import pygame
import pygame_gui

from game.ui import layout, people
from game.ui.charts import Series, line_chart
from game.ui.panels.politburo import PolitburoPanel
from game.ui.replay_text import month_markup
from game.ui.richtext import RichText, RichTextView
from game.ui.screen import Screen
from game.ui.session import chart_labels
from game.ui.text import blit, blit_wrapped
from game.ui.timeline import Timeline
from game.ui.widgets import button, card, header

PLAY_SECONDS = 1.6      # one month every so often while playing
BUDGET = 0.03           # seconds of history played per frame while catching up


class ReplayScreen(Screen):
    name = "replay"
    view = None

    def __init__(self, app, scenario: str = "campaign", seed: int = 1, model=None):
        """``model``: a ReplayModel already made (it keeps the months it has played)."""
        super().__init__(app)
        from game.ui.replay_model import ReplayModel
        self.scenario_id = scenario
        self.error = ""
        try:
            self.model = model or ReplayModel(scenario, seed)
        except Exception as exc:          # a scenario that cannot be replayed is shown, never a crash
            self.model = None
            self.error = f"This scenario cannot be replayed: {exc}"
        self.pos = 0
        self.target = 0
        self.playing = False
        self.clock = 0.0
        self.session = self.model.moment(0) if self.model else None
        self._built_for = None

    def shortcuts(self):
        return [("Left, Right", "Previous or next month"), ("Space", "Play or pause"),
                ("Home, End", "The opening or the last month"), ("Page Up, Down", "A year back or on"),
                ("T", "Take over from this month"), ("Esc", "Back to the menu")]

    # ---------------------------------------------------------------- layout
    def layout(self, rect: pygame.Rect) -> None:
        app, u = self.app, self.app.u
        w, h = rect.size
        self.header_rect = self.poster_header(w)
        bfont = app.fonts.theme_font("display", 19)
        x = w - u(20)
        self.head_buttons = {}
        for key, label, cls, tip in (("back", "« Back", "@back", "Back to the menu (Esc)"),
                                     ("scenario", "Scenario…", "@back", "Replay another scenario"),
                                     ("takeover", "Take over…", "@primary", "Play on from this month as any leader (T)")):
            b = self.header_button(x, label, cls, tip, key, min_w=110, pad=30)
            self.head_buttons[b] = key
            x = b.rect.x - u(10)
        self.takeover_button = next(b for b, k in self.head_buttons.items() if k == "takeover")
        ch = bfont.get_linesize() + u(12)
        tl_h = max(ch, app.fonts.get("display", 13).get_linesize() + u(30))
        self.controls = pygame.Rect(u(24), h - u(18) - tl_h, w - u(48), tl_h)
        body = pygame.Rect(u(24), self.header_rect.bottom + u(16), w - u(48), self.controls.y - self.header_rect.bottom - u(32))
        self.left, self.right = layout.split_h(body, [0.58, 0.42], u(20))
        self.control_buttons = {}
        x = self.controls.x
        for key, label, tip in (("start", "|«", "The opening (Home)"), ("prev", "‹ Prev", "The month before (Left)"),
                                ("play", "Pause" if self.playing else "Play", "Play or pause (Space)"),
                                ("next", "Next ›", "The month after (Right)"), ("end", "»|", "The last month (End)")):
            bw = max(u(56), bfont.size(label)[0] + u(24), bfont.size("Pause")[0] + u(24) if key == "play" else 0)
            b = button(self.manager, pygame.Rect(x, self.controls.y + (tl_h - ch) // 2, bw, ch), label, "@back", tip,
                       name=f"replay_{key}")
            self.control_buttons[b] = key
            x += bw + u(6)
        self.play_button = next(b for b, k in self.control_buttons.items() if k == "play")
        dates = [self.model.g.date(t) for t in range(len(self.model.plan))] if self.model else []
        self.timeline = Timeline(app, pygame.Rect(x + u(14), self.controls.y, self.controls.right - x - u(14), tl_h),
                                 dates)
        lin = layout.inset(self.left, u(18), u(14))
        self.date_rect = pygame.Rect(lin.x, lin.y, lin.w, app.fonts.get("display", 34).get_linesize())
        self.text_rect = pygame.Rect(lin.x, self.date_rect.bottom + u(8), lin.w, lin.bottom - self.date_rect.bottom - u(8))
        rin = layout.inset(self.right, u(14), u(12))
        self.pb_rect, self.chart_rect = layout.split_v(rin, [0.60, 0.40], u(12))
        self.politburo = PolitburoPanel(self)
        self.politburo.layout(self.pb_rect)
        self._built_for = None
        self._sync()

    def _sync(self) -> None:
        """The views of the position shown."""
        if self.model is None:
            return
        key = (self.pos, self.model.played >= self.pos)
        if self._built_for == key and self.view is not None:
            return
        self._built_for = key
        self.session = self.model.moment(self.pos)
        self.politburo.session = self.session
        self.politburo.refresh()
        app, pal = self.app, self.app.pal
        self.records = list(self.model.month(self.pos).records) if self.pos else []
        markup = month_markup(app, self.model, self.pos, self.records)
        rich = RichText(markup, app.fonts, 15, "serif", pal.ink, pal.link, pal.accent, label_for=app.glossary.label)
        self.view = RichTextView(self.text_rect, rich, pal.accent)
        can = self.model.can_take_over(self.pos)
        self.takeover_button.enable() if can else self.takeover_button.disable()

    # ---------------------------------------------------------------- moving
    def go(self, p: int) -> None:
        if self.model is None:
            return
        self.target = max(0, min(self.model.length, p))
        if self.target <= self.model.played:
            self.pos = self.target
            self._sync()

    def toggle_play(self) -> None:
        self.playing = not self.playing
        if self.playing and self.pos >= self.model.length:
            self.go(0)
        self.clock = 0.0
        self.play_button.set_text("Pause" if self.playing else "Play")

    def update(self, dt: float) -> None:
        super().update(dt)
        if self.model is None:
            return
        if self.target > self.model.played:
            import time
            t0 = time.perf_counter()
            while self.model.played < self.target and time.perf_counter() - t0 < BUDGET:
                if not self.model.advance():
                    self.target = self.model.played
                    break
            if self.model.played >= self.target:
                self.pos = self.target
                self._sync()
        if self.playing:
            self.clock += dt
            if self.clock >= PLAY_SECONDS:
                self.clock = 0.0
                if self.pos >= self.model.length:
                    self.toggle_play()
                else:
                    self.go(self.pos + 1)

    def take_over(self) -> None:
        if self.model is not None and self.model.can_take_over(self.pos):
            from game.ui.screens.takeover_dialog import TakeOverDialog
            if self.playing:
                self.toggle_play()
            self.app.push(TakeOverDialog(self.app, self.model, self.pos))

    def handle_event(self, event) -> bool:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            key = self.head_buttons.get(event.ui_element) or self.control_buttons.get(event.ui_element)
            if key:
                self.command(key)
                return True
        if self.model is None:
            return False
        chosen = self.timeline.handle_event(event)
        if chosen is not None:
            self.go(chosen)
            return True
        if event.type == pygame.KEYDOWN:
            keys = {pygame.K_LEFT: "prev", pygame.K_RIGHT: "next", pygame.K_SPACE: "play", pygame.K_HOME: "start",
                    pygame.K_END: "end", pygame.K_t: "takeover", pygame.K_PAGEUP: "year_back",
                    pygame.K_PAGEDOWN: "year_on"}
            if event.key in keys:
                self.command(keys[event.key])
                return True
        if self.view is not None:
            link = self.view.handle_event(event)
            if link:
                self.follow(link)
                return True
        return self.politburo.handle_event(event)

    def command(self, key: str) -> None:
        if key == "back":
            self.back()
            return
        if key == "scenario":
            from game.ui.screens.takeover_dialog import ScenarioPicker
            self.app.push(ScenarioPicker(self.app, self))
            return
        if self.model is None:
            return
        step = 12 // max(1, self.model.g.turn_months)
        moves = {"start": 0, "end": self.model.length, "prev": self.pos - 1, "next": self.pos + 1,
                 "year_back": self.pos - step, "year_on": self.pos + step}
        if key in moves:
            self.go(moves[key])
        elif key == "play":
            self.toggle_play()
        elif key == "takeover":
            self.take_over()

    def follow(self, link: str) -> None:
        """A link in the month's text: a record of the month opens in its own view."""
        if not link.startswith("rec_"):
            self.app.open_glossary(link)
            return
        rec = self.records[int(link[4:])]
        kind = rec.get("kind")
        if kind == "vote":
            from game.ui.screens.vote_screen import VoteScreen
            votes = [r for r in self.records if r.get("kind") == "vote"]
            screen = VoteScreen(self.app, self.session, votes)
            screen.index = votes.index(rec)
            self.app.push(screen)
        elif kind == "sitting":
            from game.ui.screens.sitting_screen import SittingScreen
            self.app.push(SittingScreen(self.app, self.session, rec))
        else:
            from game.ui.screens.event_dialog import EventDialog
            self.app.push(EventDialog(self.app, self.session, record=rec))

    # ---------------------------------------------------------------- drawing
    def draw_content(self, surface: pygame.Surface) -> None:
        self.tips.begin_frame()
        app, pal, u = self.app, self.app.pal, self.app.u
        title = (self.model.label or self.model.g.scenario.title) if self.model else self.scenario_id
        heading = self.model.heading if self.model else "Historical replay"
        header(surface, self.header_rect, heading, app, title)
        card(surface, self.left, pal, u)
        card(surface, self.right, pal, u)
        if self.model is None:
            blit_wrapped(surface, app.fonts.get("italic", 17), self.error, pal.ink, layout.inset(self.left, u(18)))
            return
        m = self.model
        date = "The opening" if self.pos == 0 else people.long_date(m.date(self.pos))
        right = f"month {self.pos} of {m.length}" if self.pos else f"from {people.long_date(m.g.date(0))}"
        rr = blit(surface, app.fonts.get("italic", 14), right, pal.ink_soft, self.date_rect.bottomright, "bottomright")
        blit(surface, app.fonts.fit("display", 34, date.upper(), rr.x - self.date_rect.x - u(10), 14), date.upper(),
             pal.accent, self.date_rect.topleft)
        if self.view is not None:
            self.view.draw(surface)
        self.politburo.draw(surface)
        rows = m.charts[:self.pos + 1]
        dates = chart_labels(rows)
        ink = pal.series[1] if pal.name != "poster" else pal.ink
        line_chart(surface, self.chart_rect,
                   [Series("industrial prices", [r["indicators"]["industrial_prices"] for r in rows], pal.series[0], 0),
                    Series("agricultural prices", [r["indicators"]["agricultural_prices"] for r in rows], ink, 1)],
                   dates, app, reference=100.0, title="The scissors (1913 = 100)")
        self.timeline.draw(surface, self.pos, m.played, m.marks())
        if self.target > m.played:
            f = app.fonts.get("italic", 13)
            blit(surface, f, f"{m.playing} {people.long_date(m.g.date(m.played))}", pal.accent_dark,
                 (self.timeline.rect.right, self.timeline.rect.y), "topright")
