"""Appointments: every post, its holder and its powers; the membership of the party's bodies."""
from __future__ import annotations

import numpy as np
import pygame

from game.ui import layout
from game.ui.panels import Panel
from game.ui.panels.rowlist import Row, RowList
from game.ui.text import blit, wrap
from game.ui.widgets import section_title

BODY_NAMES = {"politburo": "Politburo", "politburo_candidate": "Politburo candidates",
              "central_committee": "Central Committee", "secretariat": "Secretariat", "orgburo": "Orgburo",
              "control_commission": "Control Commission"}


class PostsPanel(Panel):
    title = "Posts"
    key = "posts"

    def layout(self, rect: pygame.Rect) -> None:
        super().layout(rect)
        u = self.app.u
        self.posts_rect, self.bodies_rect = layout.split_h(rect, [0.56, 0.44], u(18))
        th = self.app.fonts.get("display", 20).get_linesize() + u(12)
        self.list = RowList(self.app, pygame.Rect(self.posts_rect.x, self.posts_rect.y + th, self.posts_rect.w,
                                                  self.posts_rect.h - th), [], title_size=14)
        self.refresh()

    def refresh(self) -> None:
        ses, s = self.session, self.session.state
        rows = []
        for k, post in enumerate(ses.scenario.posts):
            h = int(s.holder[0, k])
            holder = ses.name(ses.g.person_ids[h]) if h >= 0 else "vacant"
            powers = ", ".join(p.replace("_", " ") for p in post.powers) or "no powers"
            rows.append(Row(post.id, post.name, holder, f"{powers}" + (f" · {post.base}" if post.base else ""),
                            tip=f"{post.name}: {holder}. Powers: {powers}. Removed by the "
                                f"{post.removed_by.replace('_', ' ')}."))
        self.list.set_rows(rows)

    def handle_event(self, event) -> bool:
        return self.list.handle_event(event) is not None

    def draw(self, surface: pygame.Surface) -> None:
        app, pal, u, ses = self.app, self.app.pal, self.app.u, self.session
        from game.engine.state import BODIES
        section_title(surface, self.posts_rect, "Posts and holders", app)
        self.list.draw(surface, self.screen.tips)
        y = section_title(surface, self.bodies_rect, "The bodies", app)
        head, body = app.fonts.get("bold", 14), app.fonts.get("text", 13)
        for b, key in enumerate(BODIES):
            members = np.flatnonzero(ses.state.member[0, :, b] & ses.state.alive[0])
            names = ", ".join(ses.name(ses.g.person_ids[i]) for i in members) or "—"
            if key == "central_committee":
                seats = ses.state.cc_seats[0]
                names = f"{names}; and {int(round(seats.sum()))} other seats"
            if y + head.get_linesize() > self.bodies_rect.bottom:
                break
            r = blit(surface, head, f"{BODY_NAMES.get(key, key)} ({len(members)})", pal.ink, (self.bodies_rect.x, y))
            y = r.bottom
            for line in wrap(body, names, self.bodies_rect.w)[:3]:
                if y + body.get_linesize() > self.bodies_rect.bottom:
                    break
                blit(surface, body, line, pal.ink_soft, (self.bodies_rect.x, y))
                y += body.get_linesize()
            y += u(6)
