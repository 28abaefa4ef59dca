"""A Party Congress or Conference: the delegations region by region, how many each secretary's
machine delivers and for whom, and the source."""
from __future__ import annotations

import pygame
import pygame_gui

from game.ui import layout, people
from game.ui.palette import mix
from game.ui.screen import Screen
from game.ui.text import blit, blit_wrapped
from game.ui.widgets import button, card, header, section_title


class SittingScreen(Screen):
    name = "sitting"

    def __init__(self, app, session, record: dict):
        super().__init__(app)
        self.session = session
        self.rec = record
        sid = record.get("sitting")
        self.sitting = next((s for s in session.scenario.sittings if s.id == sid), None)

    def shortcuts(self):
        return [("Enter", "Continue to the votes")]

    def layout(self, rect: pygame.Rect) -> None:
        app, u = self.app, self.app.u
        w, h = rect.size
        self.header_rect = self.poster_header(w)
        bfont = app.fonts.theme_font("display", 19)
        cw = max(u(130), bfont.size("Continue")[0] + u(36))
        self.cont = button(self.manager, pygame.Rect(w - cw - u(20), u(12), cw, self.header_rect.h - u(29)),
                           "Continue", "@action", "On to the votes (Enter)", name="continue")
        body = pygame.Rect(u(30), self.header_rect.bottom + u(22), w - u(60), h - self.header_rect.bottom - u(44))
        self.left, self.right = layout.split_h(body, [0.62, 0.38], u(24))

    def handle_event(self, event) -> bool:
        if (event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is self.cont) or (
                event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)):
            self.app.pop()
            return True
        return False

    def draw_content(self, surface: pygame.Surface) -> None:
        app, pal, u, ses = self.app, self.app.pal, self.app.u, self.session
        self.tips.begin_frame()
        name = self.sitting.name if self.sitting else "Party sitting"
        header(surface, self.header_rect, name, app, people.long_date(self.rec.get("date", "")))
        card(surface, self.left, pal, u)
        card(surface, self.right, pal, u)
        inner = layout.inset(self.left, u(18), u(14))
        y = section_title(surface, inner, "Delegations", app)
        rows = sorted(self.rec.get("delegations", []), key=lambda r: -r.get("delegates", 0))
        total = max(1, sum(r.get("delegates", 0) for r in rows))
        top = max((r.get("delegates", 0) for r in rows), default=1) or 1
        f, small = app.fonts.get("bold", 14), app.fonts.get("text", 12)
        row_h = max(f.get_linesize(), small.get_linesize()) + u(10)
        name_w = int(inner.w * 0.26)
        for r in rows:
            if y + row_h > inner.bottom:
                break
            rid = r.get("region")
            region = ses.scenario.regions[ses.g.ridx[rid]].name if rid in ses.g.ridx else rid
            blit(surface, f, region, pal.ink, (inner.x, y + u(3)), max_width=name_w - u(6))
            bar_w = int((inner.w - name_w - u(150)) * r.get("delegates", 0) / top)
            bar = pygame.Rect(inner.x + name_w, y + u(4), max(2, bar_w), row_h - u(10))
            pygame.draw.rect(surface, pal.paper_dark, bar)
            machine = r.get("machine", 0)
            patron = r.get("patron")
            mw = int(bar.w * machine / max(1, r.get("delegates", 1)))
            pygame.draw.rect(surface, people.colour(ses, pal, patron) if patron else pal.muted, (bar.x, bar.y, mw, bar.h))
            pygame.draw.rect(surface, pal.ink, bar, 1)
            who = f"{machine} for {ses.name(patron)}" if patron and machine else "free"
            blit(surface, small, f"{r.get('delegates', 0)} · {who}", pal.ink_soft, (bar.right + u(8), bar.centery), "midleft",
                 max_width=inner.right - bar.right - u(8))
            self.tips.add_frame(pygame.Rect(inner.x, y, inner.w, row_h),
                                f"{region}: {r.get('delegates', 0)} delegates; {machine} chosen through the secretary "
                                f"({'local' if not patron else ses.name(patron) + 's man'}), the rest vote their views.")
            y += row_h
        self._summary(surface, rows, total)

    def _summary(self, surface, rows, total) -> None:
        app, pal, u, ses = self.app, self.app.pal, self.app.u, self.session
        inner = layout.inset(self.right, u(18), u(14))
        y = section_title(surface, inner, "The machines", app)
        by: dict[str, int] = {}
        for r in rows:
            if r.get("patron"):
                by[r["patron"]] = by.get(r["patron"], 0) + r.get("machine", 0)
        free = total - sum(by.values())
        f = app.fonts.get("text", 14)
        for pid, n in sorted(by.items(), key=lambda x: -x[1]):
            pygame.draw.rect(surface, people.colour(ses, pal, pid), (inner.x, y + u(3), u(14), u(14)))
            blit(surface, f, f"{ses.name(pid)}: {n} delegates ({n * 100 // total}%)", pal.ink, (inner.x + u(22), y),
                 max_width=inner.w - u(22))
            y += f.get_linesize() + u(4)
        pygame.draw.rect(surface, pal.muted, (inner.x, y + u(3), u(14), u(14)))
        blit(surface, f, f"Free: {free} ({free * 100 // total}%)", pal.ink, (inner.x + u(22), y))
        y += f.get_linesize() + u(14)
        text = self.rec.get("text", "")
        used = blit_wrapped(surface, app.fonts.get("serif", 15), text, pal.ink, pygame.Rect(inner.x, y, inner.w, inner.bottom - y))
        y += used + u(10)
        src = self.rec.get("source") or {}
        if src.get("file"):
            titles = app.glossary.source_titles
            quote = f"“{src['quote']}” — " if src.get("quote") else "Source: "
            blit_wrapped(surface, app.fonts.get("serif_italic", 13), quote + titles.get(src["file"], src["file"]),
                         mix(pal.ink_soft, pal.paper, 0.1), pygame.Rect(inner.x, y, inner.w, inner.bottom - y))
