"""The party apparatus: the regional organisations on the board, their secretaries, whose men
they are and how loyal, the membership and its make-up."""
from __future__ import annotations

import pygame

from game.ui import art, layout, people
from game.ui.art_board import RegionMark
from game.ui.drawcache import Snapshot
from game.ui.panels import Panel
from game.ui.panels.rowlist import Row, RowList
from game.ui.widgets import section_title


class BoardPanel(Panel):
    title = "Apparatus"
    key = "board"

    def layout(self, rect: pygame.Rect) -> None:
        super().layout(rect)
        u = self.app.u
        self.board_rect, self.list_rect = layout.split_h(rect, [0.60, 0.40], u(16))
        th = self.app.fonts.get("display", 20).get_linesize() + u(12)
        self.list = RowList(self.app, pygame.Rect(self.list_rect.x, self.list_rect.y + th, self.list_rect.w,
                                                  self.list_rect.h - th), [], title_role="bold", title_size=14)
        self.hover = None
        self.hits = {}
        self.refresh()

    def refresh(self) -> None:
        ses, s = self.session, self.session.state
        rows = []
        for r, region in enumerate(ses.scenario.regions):
            pat = int(s.sec_patron[0, r])
            who = f"{ses.short(ses.g.person_ids[pat])}'s man" if pat >= 0 else "elected locally"
            co = s.cohorts[0, r]
            sub = (f"Secretary {who}, loyalty {s.sec_loyalty[0, r] * 100:.0f}% · old {co[0] * 100:.0f}%, "
                   f"civil war {co[1] * 100:.0f}%, recruits {co[2] * 100:.0f}%")
            rows.append(Row(region.id, region.name, f"{s.members[0, r]:.0f}k", sub, tip=sub))
        self.list.set_rows(rows)

    def marks(self) -> list[RegionMark]:
        ses, s, pal = self.session, self.session.state, self.app.pal
        out = []
        capital = self._capital()
        for r, region in enumerate(ses.scenario.regions):
            pat = int(s.sec_patron[0, r])
            pid = ses.g.person_ids[pat] if pat >= 0 else None
            out.append(RegionMark(region.id, region.name, tuple(region.position), float(s.members[0, r]),
                                  people.colour(ses, pal, pid), float(s.sec_loyalty[0, r]),
                                  ses.short(pid) if pid else "local", capital=region.id == capital,
                                  highlight=region.id == self.list.selected))
        return out

    def _capital(self) -> str | None:
        ids = [r.id for r in self.session.scenario.regions]
        return "moscow" if "moscow" in ids else (ids[0] if ids else None)

    def handle_event(self, event) -> bool:
        if event.type == pygame.MOUSEMOTION:
            self.hover = next((rid for rid, r in self.hits.items() if r.collidepoint(event.pos)), None)
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1 and self.hover:
            self.list.selected = self.hover
            return True
        return self.list.handle_event(event) is not None

    def draw(self, surface: pygame.Surface) -> None:
        app, pal = self.app, self.app.pal
        marks = self.marks()

        def paint():
            pygame.draw.rect(surface, pal.paper, self.board_rect)
            hits = art.draw_board(surface, self.board_rect, marks, pal, app.fonts.get("display", 14),
                                  app.fonts.get("text", 11), self.hover)
            pygame.draw.rect(surface, pal.ink, self.board_rect, 1)
            return hits
        if not hasattr(self, "_board_cache"):
            self._board_cache = Snapshot()
        key = (tuple(marks), self.hover, self.app.layout_key, pal.name)
        self.hits = self._board_cache.draw(surface, self.board_rect, key, paint)
        for rid, r in self.hits.items():
            row = next(x for x in self.list.rows if x.id == rid)
            self.screen.tips.add_frame(r, f"{row.title}: {row.right} members. {row.sub}")
        section_title(surface, self.list_rect, "Regional organisations", app)
        self.list.draw(surface, self.screen.tips)
