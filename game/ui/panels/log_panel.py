"""The log: a window onto the last lines of the game's record, drawn by hand (fast for long
games), scrollable back to the first turn. Click a vote to see it voter by voter."""
from __future__ import annotations

import pygame

from game.ui.panels import Panel, Scroller
from game.ui.text import blit, ellipsize
from game.ui.widgets import section_title


class LogPanel(Panel):
    title = "Log"
    key = "log"

    def __init__(self, screen):
        super().__init__(screen)
        self.scroll = Scroller()
        self.follow = True
        self.hits: list[tuple[pygame.Rect, dict]] = []

    def layout(self, rect: pygame.Rect) -> None:
        super().layout(rect)
        self.font = self.app.fonts.get("text", 14)
        self.date_font = self.app.fonts.get("display", 14)
        self.line_h = self.font.get_linesize() + self.app.u(3)
        th = self.app.fonts.get("display", 20).get_linesize() + self.app.u(12)
        self.view = pygame.Rect(rect.x, rect.y + th, rect.w, rect.h - th)

    def handle_event(self, event) -> bool:
        if self.scroll.wheel(event, self.view, self.line_h * 3):
            self.follow = self.scroll.offset >= self.scroll.max
            return True
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            for r, rec in self.hits:
                if r.collidepoint(event.pos) and rec.get("kind") == "vote":
                    from game.ui.screens.vote_screen import VoteScreen
                    self.app.push(VoteScreen(self.app, self.session, [rec]))
                    return True
        return False

    def draw(self, surface: pygame.Surface) -> None:
        app, pal, u = self.app, self.app.pal, self.app.u
        recs = self.session.records
        section_title(surface, self.rect, f"The record — {len(recs)} entries", app)
        total = len(recs) * self.line_h
        self.scroll.set_extent(total, self.view.h)
        if self.follow:
            self.scroll.offset = self.scroll.max
        first = self.scroll.offset // self.line_h
        count = self.view.h // self.line_h + 1
        clip = surface.get_clip()
        surface.set_clip(self.view)
        self.hits = []
        date_w = self.date_font.size("0000-00 ")[0] + u(6)
        for i in range(first, min(len(recs), first + count)):
            rec = recs[i]
            y = self.view.y + i * self.line_h - self.scroll.offset
            r = pygame.Rect(self.view.x, y, self.view.w - u(8), self.line_h)
            vote = rec.get("kind") == "vote"
            if vote and r.collidepoint(pygame.mouse.get_pos()):
                pygame.draw.rect(surface, pal.paper_dark, r)
            blit(surface, self.date_font, rec.get("date", ""), pal.accent, (r.x, y))
            colour = pal.link if vote else pal.ink
            text = ellipsize(self.font, rec.get("text", ""), r.w - date_w)
            blit(surface, self.font, text, colour, (r.x + date_w, y))
            self.hits.append((r, rec))
            if vote:
                self.screen.tips.add_frame(r, "Click to see this vote voter by voter.")
        surface.set_clip(clip)
        self.scroll.bar(surface, self.view, pal.accent, u(5))
        if not recs:
            blit(surface, app.fonts.get("italic", 14), "Nothing has happened yet.", pal.ink_soft, self.view.topleft)
