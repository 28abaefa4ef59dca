"""The player's actions: every kind with its cost, greyed with the engine's reason when it is
not possible now (a reason that closes several kinds said once, over them); the choices of the
selected kind; the moves planned for this turn. A player who can act no more (dead, expelled)
sees what became of him instead, and how to let the game run on to its verdict; so, once, does
a player whose side has lost while he can still act (dropped from the Central Committee), who
may also play on."""
from __future__ import annotations

from collections import Counter

import pygame
import pygame_gui

from game.ui import layout, people
from game.ui.panels import Panel
from game.ui.panels.rowlist import Row, RowList
from game.ui.text import blit, blit_wrapped
from game.ui.widgets import button, section_title


def ap_text(cost: float) -> str:
    return f"{cost:g} AP"


def kind_rows(menu) -> list[Row]:
    """The menu's rows: the kinds open now first; then the closed ones, each with the engine's
    reason, except that a reason closing several kinds is said once, in a heading over them."""
    rows = []
    for e in menu:
        if not e.reason:
            n = len(e.actions)
            rows.append(Row(e.kind, e.label, ap_text(e.cost), f"{n} choice{'s' if n != 1 else ''}"))
    count, said = Counter(e.reason for e in menu if e.reason), set()
    for e in menu:
        if not e.reason or e.reason in said:
            continue
        if count[e.reason] == 1:
            rows.append(Row(e.kind, e.label, ap_text(e.cost), e.reason, enabled=False))
            continue
        said.add(e.reason)
        rows.append(Row(f"reason:{len(said)}", "", sub=e.reason, enabled=False, heading=True))
        rows += [Row(x.kind, x.label, ap_text(x.cost), enabled=False, tip=x.reason)
                 for x in menu if x.reason == e.reason]
    return rows


def out_title(session, pid: str) -> str:
    """The notice's heading: what became of the player, in a few words."""
    out = session.out_of_play(pid)
    if out is not None:
        return "Dead" if out[0] == "died" else "Expelled from the party"
    return session.lost_in_play(pid)[0] or "The game is lost"


def out_sentence(session, pid: str) -> str:
    """What became of a player who can act no more, or whose side has lost while he still can:
    since when, and what it means for him."""
    end = people.long_date(session.g.date(session.g.n_turns - 1))
    defeat = session.defeat(pid)
    out = session.out_of_play(pid)
    if out is None:
        _, date = session.lost_in_play(pid)
        return (f"{session.name(pid)} lost the game in {people.long_date(date)}, and the loss "
                "stands to the end: nothing he does now can change his result. He can still "
                f"act, though, and his moves may yet decide who leads the party in {end}.")
    how, date = out
    said = f"{session.name(pid)} {how} in {people.long_date(date)}. He can take no more actions."
    if defeat is not None and defeat[1] == date:
        said += " His side has lost the game."
    elif defeat is not None:
        said += f" His side had lost already in {people.long_date(defeat[1])} ({defeat[0]})."
    return said + f" The game goes on without him until {end}, when the party's leader is named."


class ActionsPanel(Panel):
    title = "Actions"
    key = "actions"

    def __init__(self, screen):
        super().__init__(screen)
        self.kind: str | None = None
        self.message = ""
        self.menu = []
        self.out = None             # how the player left the game, when he can act no more
        self.lost = None            # (aim, month) when his side lost, he can act, and has not
        self.skip = None            # chosen to play on
        self.play_on = None

    @property
    def player(self) -> str:
        return self.screen.player

    def layout(self, rect: pygame.Rect) -> None:
        super().layout(rect)
        u = self.app.u
        self.left, self.right = layout.split_h(rect, [0.42, 0.58], u(18))
        th = self.app.fonts.get("display", 20).get_linesize() + u(12)
        self.kinds = RowList(self.app, pygame.Rect(self.left.x, self.left.y + th, self.left.w, self.left.h - th), [])
        plan_h = int(self.right.h * 0.36)
        gap = max(u(14), self.app.fonts.get("italic", 13).get_linesize() + u(3))   # the message's line
        opt = pygame.Rect(self.right.x, self.right.y + th, self.right.w, self.right.h - th - plan_h - gap)
        self.options = RowList(self.app, opt, [], two_lines=False, title_role="text")
        self.plan_rect = pygame.Rect(self.right.x, opt.bottom + gap, self.right.w, plan_h)
        self.planned = RowList(self.app, pygame.Rect(self.plan_rect.x, self.plan_rect.y + th, self.plan_rect.w,
                                                      self.plan_rect.h - th), [], two_lines=False, title_role="text")
        self.th = th
        bfont = self.app.fonts.theme_font("display", 19)
        label = "Skip to the verdict"
        bw, bh = bfont.size(label)[0] + u(36), bfont.get_linesize() + u(16)
        self.skip = button(self.screen.manager, pygame.Rect(rect.x, rect.bottom - bh, bw, bh), label,
                           "@back", "Play every remaining month at once and read the end", name="skip_to_end")
        pw = bfont.size("Play on")[0] + u(36)
        self.play_on = button(self.screen.manager, pygame.Rect(rect.x, rect.bottom - bh, pw, bh), "Play on",
                              "@primary", "Back to his actions: his moves still count, though his "
                              "result cannot change", name="play_on")
        self.refresh()

    def refresh(self) -> None:
        ses = self.session
        self.out = ses.out_of_play(self.player) if not ses.over else None
        self.lost = ses.lost_in_play(self.player) if self.player not in ses.playing_on else None
        self.menu = ses.action_menu(self.player) if not (ses.over or self.out or self.lost) else []
        self.kinds.set_rows(kind_rows(self.menu))
        if self.kind not in [e.kind for e in self.menu if not e.reason]:
            self.kind = next((e.kind for e in self.menu if not e.reason), None)
        self.kinds.selected = self.kind
        self._options()
        self.planned.set_rows([Row(str(i), a.label, "remove", tip="Click to take this move back")
                               for i, a in enumerate(ses.planned.get(self.player, []))])

    def _options(self) -> None:
        entry = next((e for e in self.menu if e.kind == self.kind), None)
        acts = entry.actions if entry else ()
        prefix = (entry.label + ": ") if entry else ""
        self.options.set_rows([Row(str(i), a.label[len(prefix):] if prefix and a.label.startswith(prefix) else a.label,
                                   ap_text(a.cost), tip=f"{a.label}. Click to add it to this turn's plan "
                                                        f"({ap_text(a.cost)}).")
                               for i, a in enumerate(acts)])
        self.options.scroll.offset = 0

    def show_controls(self, on: bool) -> None:
        """The notice's buttons only on this tab: skip only when every player at this computer
        is out, play on only for a player who lost but can act."""
        if self.skip is None:
            return
        live = on and not self.session.over
        for b, want in ((self.skip, live and self.screen.players_out()),
                        (self.play_on, live and bool(self.lost))):
            if want != b.visible:
                b.show() if want else b.hide()

    def handle_event(self, event) -> bool:
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is self.skip:
            self.screen.skip_to_end()
            return True
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is self.play_on:
            self.screen.play_on(self.player)
            self.message = "Playing on: his moves still count."
            return True
        if self.out or self.lost:
            return False
        picked = self.kinds.handle_event(event)
        if picked:
            self.kind = picked
            self._options()
            return True
        opt = self.options.handle_event(event)
        if opt is not None:
            entry = next(e for e in self.menu if e.kind == self.kind)
            action = entry.actions[int(opt)]
            why = self.session.plan(self.player, action)
            self.message = why or f"Planned: {action.label}."
            self.screen.refresh()
            return True
        gone = self.planned.handle_event(event)
        if gone is not None:
            self.session.unplan(self.player, int(gone))
            self.message = "Move taken back."
            self.screen.refresh()
            return True
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1 and self.kinds.rect.collidepoint(event.pos):
            i = self.kinds.index_at(event.pos)
            if i is not None and not self.kinds.rows[i].enabled:
                self.message = self.kinds.rows[i].sub or self.kinds.rows[i].tip
                return True
        return False

    def draw(self, surface: pygame.Surface) -> None:
        if self.out or self.lost:
            self._draw_out(surface)
            return
        app, pal, u = self.app, self.app.pal, self.app.u
        section_title(surface, self.left, "What you can do", app)
        self.kinds.draw(surface, self.screen.tips)
        entry = next((e for e in self.menu if e.kind == self.kind), None)
        section_title(surface, self.right, entry.label if entry else "Choose an action", app)
        self.options.draw(surface, self.screen.tips)
        if entry and not entry.actions:
            blit_wrapped(surface, app.fonts.get("italic", 14), entry.reason or "", pal.ink_soft, self.options.rect)
        left = self.session.ap_left(self.player)
        section_title(surface, self.plan_rect, f"Planned this turn — {left:g} AP left", app)
        self.planned.draw(surface, self.screen.tips)
        if not self.planned.rows:
            blit_wrapped(surface, app.fonts.get("italic", 13),
                         "Nothing planned yet. Choose an action above; end the turn when you are ready.",
                         pal.ink_soft, self.planned.rect)
        if self.message:
            blit(surface, app.fonts.get("italic", 13), self.message, pal.accent_dark,
                 (self.options.rect.x, self.options.rect.bottom + u(1)), max_width=self.options.rect.w)

    def _draw_out(self, surface: pygame.Surface) -> None:
        """One notice in place of the menu: what became of the player, and what he may do now."""
        app, pal, u, ses = self.app, self.app.pal, self.app.u, self.session
        y = section_title(surface, self.rect, f"{ses.short(self.player)}: {out_title(ses, self.player)}", app)
        size = app.fonts.get("display", 20).get_linesize() * 3
        surface.blit(people.portrait(ses, pal, self.player, size, badge=False), (self.rect.x, y))
        text = pygame.Rect(self.rect.x + size + u(14), y, self.rect.w - size - u(14), self.rect.bottom - y)
        f = app.fonts.get("text", 15)
        y += blit_wrapped(surface, f, out_sentence(ses, self.player), pal.ink, text) + u(10)
        play_on = "Play on to keep making his moves. " if self.lost else ""
        if self.screen.players_out():
            hint = (f"{play_on}Watch to the end (top right, or Ctrl+Enter) lets the months run one "
                    "by one: stop it at any time, and read what happens in the Log and Press tabs. "
                    "Skip to the verdict plays them all at once.")
            if self.screen.watching:
                hint = ("The months are running. Stop watching (top right, or Ctrl+Enter) to "
                        "pause; the Log and Press tabs keep every record.")
        else:
            hint = f"{play_on}End the turn for him; the other players play on."
        top = max(y, text.y + size + u(10))
        bottom = self.rect.bottom - (self.skip.rect.h + u(14) if self.skip is not None else 0)
        top += blit_wrapped(surface, app.fonts.get("italic", 14), hint, pal.ink_soft,
                            pygame.Rect(self.rect.x, top, self.rect.w, bottom - top)) + u(14)
        x, y = self.rect.x, min(top, bottom + u(14))
        for b in (self.play_on, self.skip):           # side by side, under the hint
            if b is not None and b.visible:
                if b.rect.topleft != (x, y):
                    b.set_relative_position((x, y))
                x = b.rect.right + u(12)
