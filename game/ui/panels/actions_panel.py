"""The player's actions: every kind with its cost, greyed with the engine's reason when it is
not possible now; the choices of the selected kind; the moves planned for this turn."""
from __future__ import annotations

import pygame

from game.ui import layout
from game.ui.panels import Panel
from game.ui.panels.rowlist import Row, RowList
from game.ui.text import blit, blit_wrapped
from game.ui.widgets import section_title


def ap_text(cost: float) -> str:
    return f"{cost:g} AP"


class ActionsPanel(Panel):
    title = "Actions"
    key = "actions"

    def __init__(self, screen):
        super().__init__(screen)
        self.kind: str | None = None
        self.message = ""
        self.menu = []

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
        opt = pygame.Rect(self.right.x, self.right.y + th, self.right.w, self.right.h - th - plan_h - u(14))
        self.options = RowList(self.app, opt, [], two_lines=False, title_role="text")
        self.plan_rect = pygame.Rect(self.right.x, opt.bottom + u(14), self.right.w, plan_h)
        self.planned = RowList(self.app, pygame.Rect(self.plan_rect.x, self.plan_rect.y + th, self.plan_rect.w,
                                                      self.plan_rect.h - th), [], two_lines=False, title_role="text")
        self.th = th
        self.refresh()

    def refresh(self) -> None:
        ses = self.session
        self.menu = ses.action_menu(self.player) if not ses.over else []
        rows = []
        for e in self.menu:
            n = len(e.actions)
            sub = e.reason if e.reason else f"{n} choice{'s' if n != 1 else ''}"
            rows.append(Row(e.kind, e.label, ap_text(e.cost), sub, enabled=not e.reason))
        self.kinds.set_rows(rows)
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

    def handle_event(self, event) -> bool:
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
                self.message = self.kinds.rows[i].sub
                return True
        return False

    def draw(self, surface: pygame.Surface) -> None:
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
