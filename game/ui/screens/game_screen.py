"""The main game screen: the date and the player's means in the header, the Politburo on the
left, and tabs on the right (actions, apparatus, economy, press, posts, log). Ending the turn
asks for the player's event choices, resolves the turn through the engine, then shows what
happened: events, the sitting, the votes voter by voter, and at the end the debrief. When the
players at this computer can act no more (dead, expelled), ending the turn becomes watching
the game run on to its end, a month at a time, stoppable; or it can be played out at once. So
too for a player whose side has lost while he can still act, until he chooses to play on."""
from __future__ import annotations

import pygame
import pygame_gui

from game.ui import art, layout, people
from game.ui.drawcache import Snapshot
from game.ui.panels.actions_panel import ActionsPanel
from game.ui.panels.board_panel import BoardPanel
from game.ui.panels.economy_panel import EconomyPanel
from game.ui.panels.log_panel import LogPanel
from game.ui.panels.politburo import PolitburoPanel
from game.ui.panels.posts_panel import PostsPanel
from game.ui.panels.press_panel import PressPanel
from game.ui.screen import Screen
from game.ui.text import blit
from game.ui.widgets import button, card

TABS = (ActionsPanel, BoardPanel, EconomyPanel, PressPanel, PostsPanel, LogPanel)
TAB_KEYS = (pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4, pygame.K_5, pygame.K_6)
WATCH_STEP = 0.8            # seconds a month stays on screen while the player watches the end


class GameScreen(Screen):
    name = "game"

    def __init__(self, app, session):
        super().__init__(app)
        self.session = session
        self.active = 0
        self.tab = "actions"
        self.queue: list = []
        self.ended = False
        self.watching = False
        self._watch_timer = 0.0
        self.politburo = PolitburoPanel(self)
        self.panels = {cls.key: cls(self) for cls in TABS}
        self._left_cache = Snapshot()
        self._header_cache = Snapshot()

    def state_token(self) -> tuple:
        """Changes whenever what the panels show of the session may have changed."""
        ses = self.session
        planned = tuple(len(v) for v in ses.planned.values()) if hasattr(ses, "planned") else ()
        return (id(ses), id(ses.state), ses.turn, ses.date, len(ses.records), self.active, planned,
                tuple(ses.players), self.app.layout_key, self.app.pal.name)

    @property
    def player(self) -> str:
        return self.session.players[self.active]

    def shortcuts(self):
        keys = [(str(i + 1), f"{cls.title} tab") for i, cls in enumerate(TABS)]
        end = "Watch the game to its end, or stop watching" if self.players_out() else "End the turn"
        return keys + [("Ctrl+Enter", end), ("Esc", "The game's menu: save, load, debrief")]

    def players_out(self) -> bool:
        """Every player at this computer plays no more (dead or expelled, or lost and not
        playing on, ``Session.sits_out``): the game only runs on to its verdict."""
        ses = self.session
        return not ses.over and all(ses.sits_out(p) for p in ses.players)

    def play_on(self, pid: str) -> None:
        """A player whose side has lost takes up his moves again (the notice is not shown him
        again)."""
        self.session.playing_on.add(pid)
        self.watching = False
        self.refresh()
        self._buttons_state()

    # ---------------------------------------------------------------- layout
    def layout(self, rect: pygame.Rect) -> None:
        app, u = self.app, self.app.u
        w, h = rect.size
        bfont = app.fonts.theme_font("display", 19)
        self.header_rect = pygame.Rect(0, 0, w, max(u(70), app.fonts.get("display", 34).get_linesize()
                                                    + app.fonts.get("text", 13).get_linesize() + u(12)))
        bh = self.header_rect.h - u(26)
        self._laid_out_out = self.players_out()       # the end button is sized for its labels
        labels = ("Watch to the end", "Stop watching") if self._laid_out_out else ("End turn",)
        end_w = max(u(140), max(bfont.size(t)[0] for t in labels) + u(36))
        menu_w = max(u(90), bfont.size("Menu")[0] + u(30))
        self.menu_button = button(self.manager, pygame.Rect(w - menu_w - u(16), u(10), menu_w, bh), "Menu", "@back",
                                  "Save, load, the debrief so far, the main menu (Esc)", name="menu")
        self.end_button = button(self.manager, pygame.Rect(w - menu_w - end_w - u(28), u(10), end_w, bh), "End turn",
                                 "@primary", "Resolve the month: your moves and your rivals' (Ctrl+Enter)", name="end_turn")
        self.player_rect = pygame.Rect(int(w * 0.40), u(6), self.end_button.rect.x - int(w * 0.40) - u(16),
                                       self.header_rect.h - u(17))
        body = pygame.Rect(u(18), self.header_rect.bottom + u(16), w - u(36), h - self.header_rect.bottom - u(32))
        self.left, self.right = layout.split_h(body, [0.37, 0.63], u(20))
        self.politburo.layout(layout.inset(self.left, u(14), u(12)))
        tab_h = bfont.get_linesize() + u(12)
        tabs = pygame.Rect(self.right.x + u(14), self.right.y + u(12), self.right.w - u(28), tab_h)
        self.tab_buttons = {}
        for cls, r in zip(TABS, layout.split_h(tabs, [1.0] * len(TABS), u(6))):
            b = button(self.manager, r, cls.title, "@option", f"{cls.title} (key {TABS.index(cls) + 1})",
                       name=f"tab_{cls.key}")
            if cls.key == self.tab:
                b.select()
            self.tab_buttons[b] = cls.key
        content = pygame.Rect(self.right.x + u(14), tabs.bottom + u(14), self.right.w - u(28),
                              self.right.bottom - tabs.bottom - u(26))
        for panel in self.panels.values():
            panel.layout(content)
        self._buttons_state()

    def _buttons_state(self) -> None:
        if self.session.over:
            self.watching = False
            text = "Debrief"
        elif self.players_out():
            text = "Stop watching" if self.watching else "Watch to the end"
        else:
            text = "End turn"
        if self.end_button.text != text:
            self.end_button.set_text(text)
        if not self.session.over and self.players_out() != getattr(self, "_laid_out_out", None):
            self.invalidate()               # the player was just cast out: a wider button

    def refresh(self) -> None:
        self.politburo.refresh()
        for panel in self.panels.values():
            panel.refresh()

    def set_tab(self, key: str) -> None:
        self.tab = key
        for b, k in self.tab_buttons.items():
            b.select() if k == key else b.unselect()

    # ---------------------------------------------------------------- the turn
    def end_turn(self) -> None:
        from game.ui.screens.event_dialog import EventDialog
        from game.ui.screens.handover import HandoverScreen
        ses = self.session
        if ses.over:
            self.show_end()
            return
        if self.players_out():
            self.watch(not self.watching)
            return
        pending = [ev for ev in ses.pending_choices(self.player) if ev.id not in ses.choices]
        if pending:
            self.app.push(EventDialog(self.app, ses, event=pending[0], on_done=self.end_turn))
            return
        if self.active + 1 < len(ses.players):
            self.active += 1
            self.refresh()
            self.app.push(HandoverScreen(self.app, ses, self.player))
            return
        sat_out = {p for p in ses.players if ses.sits_out(p)}
        records = ses.end_turn()
        self.active = 0
        self.refresh()
        self.queue = self.results(records)
        notes = ses.new_warnings() if hasattr(ses, "new_warnings") else []
        if notes:
            from game.ui.screens.message import MessageDialog
            self.queue.append(MessageDialog(self.app, "A warning", " ".join(notes)))
        if len(ses.players) > 1 and not ses.over:
            self.queue.append(HandoverScreen(self.app, ses, self.player))
        # a player put out or beaten this month reads the notice first; else, the press
        fresh = any(ses.sits_out(p) and p not in sat_out for p in ses.players)
        self.set_tab("actions" if fresh and not ses.over else "press")
        self._buttons_state()
        self.on_enter()

    # ---------------------------------------------------------------- the game without him
    def watch(self, on: bool) -> None:
        """Let the months run (one each WATCH_STEP seconds, on the Log tab), or stop them."""
        self.watching = on and self.players_out()
        self._watch_timer = WATCH_STEP if self.watching else 0.0     # the first month at once
        if self.watching:
            self.set_tab("log")
        self._buttons_state()

    def update(self, dt: float) -> None:
        super().update(dt)
        if self.watching and self.app.top is self:
            self._watch_timer += dt
            if self._watch_timer >= WATCH_STEP:
                self._watch_timer = 0.0
                self.pass_month()

    def pass_month(self) -> None:
        """One month without the players: no moves, the computer decides their events; what
        happens goes to the log and the press, not to dialogs (the end screen comes at the end)."""
        ses = self.session
        ses.end_turn()
        self.refresh()
        notes = ses.new_warnings() if hasattr(ses, "new_warnings") else []
        if notes:
            from game.ui.screens.message import MessageDialog
            self.watching = False
            self.queue.append(MessageDialog(self.app, "A warning", " ".join(notes)))
        if not self.players_out():
            self.watching = False
        self._buttons_state()
        if self.queue or ses.over:
            self.on_enter()

    def skip_to_end(self) -> None:
        """Every remaining month at once, then the verdict."""
        self.watching = False
        while self.players_out():
            self.session.end_turn()
        self.refresh()
        notes = self.session.new_warnings() if hasattr(self.session, "new_warnings") else []
        if notes:
            from game.ui.screens.message import MessageDialog
            self.queue.append(MessageDialog(self.app, "A warning", " ".join(notes)))
        self._buttons_state()
        self.on_enter()

    def results(self, records: list[dict]) -> list:
        from game.ui.screens.event_dialog import EventDialog
        from game.ui.screens.sitting_screen import SittingScreen
        from game.ui.screens.vote_screen import VoteScreen
        ses = self.session
        out = []
        for rec in records:
            if rec.get("kind") in ("event", "publication", "death") or rec.get("event"):
                out.append(EventDialog(self.app, ses, record=rec))
        sittings = [r for r in records if r.get("kind") == "sitting"]
        for rec in sittings:
            out.append(SittingScreen(self.app, ses, rec))
        votes = [r for r in records if r.get("kind") == "vote"]
        if votes:
            out.append(VoteScreen(self.app, ses, votes))
        return out

    def show_end(self) -> None:
        from game.ui.screens.end_screen import EndScreen
        self.app.push(EndScreen(self.app, self.session))

    def on_enter(self) -> None:
        if self.queue:
            self.app.push(self.queue.pop(0))
        elif self.session.over and not self.ended:
            self.ended = True
            self.show_end()

    def back(self) -> None:
        from game.ui.screens.game_menu import GameMenu
        self.app.push(GameMenu(self.app, self))

    # ---------------------------------------------------------------- events
    def handle_event(self, event) -> bool:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.end_button:
                self.end_turn()
                return True
            if event.ui_element is self.menu_button:
                self.back()
                return True
            if event.ui_element in self.tab_buttons:
                self.set_tab(self.tab_buttons[event.ui_element])
                return True
        if event.type == pygame.KEYDOWN:
            if event.key in TAB_KEYS and not event.mod & pygame.KMOD_CTRL:
                self.set_tab(TABS[TAB_KEYS.index(event.key)].key)
                return True
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and event.mod & pygame.KMOD_CTRL:
                self.end_turn()
                return True
        if self.politburo.handle_event(event):
            return True
        return self.panels[self.tab].handle_event(event)

    # ---------------------------------------------------------------- drawing
    def draw_content(self, surface: pygame.Surface) -> None:
        self.tips.begin_frame()
        pal, u = self.app.pal, self.app.u
        token = self.state_token()
        self._header_cache.draw(surface, self.header_rect, (token, self.end_button.text, self.watching),
                                lambda: self._header(surface), self.tips)

        def left():
            card(surface, self.left, pal, u)
            self.politburo.draw(surface)
        pygame.draw.rect(surface, pal.ink, self.left.move(u(5), u(5)))     # the card's shadow
        self._left_cache.draw(surface, self.left, (token, self.politburo.scroll.offset), left, self.tips)
        card(surface, self.right, pal, u)
        self.panels["actions"].show_controls(self.tab == "actions")
        self.panels[self.tab].draw(surface)

    def _header(self, surface) -> None:
        app, pal, u, ses = self.app, self.app.pal, self.app.u, self.session
        hr = self.header_rect
        pygame.draw.rect(surface, pal.accent, hr)
        pygame.draw.rect(surface, pal.ink, (0, hr.bottom - u(5), hr.w, u(5)))
        r = hr.h * 0.30
        art.star(surface, (u(16) + r, hr.centery - u(2)), r, pal.paper_light, pal.ink, max(1, u(2)))
        x = u(26) + int(2 * r)
        date_font = app.fonts.fit("display", 34, people.long_date(ses.date).upper(), int(hr.w * 0.27), 14)
        dr = blit(surface, date_font, people.long_date(ses.date).upper(), pal.paper_light, (x, u(4)))
        sub = f"Turn {ses.turn + 1} of {ses.g.n_turns} · {ses.scenario.title}"
        blit(surface, app.fonts.get("text", 13), sub, pal.paper_light, (x, dr.bottom - u(2)),
             max_width=self.player_rect.x - x - u(10))
        pr = self.player_rect
        size = pr.h
        surface.blit(people.portrait(ses, pal, self.player, size, badge=False), (pr.x, pr.y))
        name = ses.name(self.player)
        if len(ses.players) > 1:
            name = f"Player {self.active + 1}: {name}"
        nr = blit(surface, app.fonts.get("display", 20), name.upper(), pal.paper_light, (pr.x + size + u(10), pr.y),
                  max_width=pr.w - size - u(10))
        left = ses.ap_left(self.player)
        total = ses.ap_total(self.player)
        pip = u(12)
        y = nr.bottom + u(4)
        for i in range(int(total)):
            rect = pygame.Rect(pr.x + size + u(10) + i * (pip + u(4)), y, pip, pip)
            pygame.draw.rect(surface, pal.paper_light if i < left else pal.accent_dark, rect)
            pygame.draw.rect(surface, pal.ink, rect, 1)
        blit(surface, app.fonts.get("text", 12), f"{left:g} action points left", pal.paper_light,
             (pr.x + size + u(14) + int(total) * (pip + u(4)), y + pip // 2), "midleft",
             max_width=max(10, pr.right - (pr.x + size + u(14) + int(total) * (pip + u(4)))))
