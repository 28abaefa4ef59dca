"""The Politburo table: members and candidates, their posts, stances on the three axes,
prestige, patrons and loyalty, alliances. Other leaders follow below."""
from __future__ import annotations

import numpy as np
import pygame

from game.ui import people
from game.ui.palette import mix
from game.ui.panels import Panel, Scroller
from game.ui.text import blit, ellipsize

AXIS_HELP = {
    "economy": "Economy: left = NEP and the peasant market, right = planned industry and forced procurement",
    "regime": "Party regime: left = inner-party democracy, right = apparatus discipline",
    "international": "World: left = world revolution, right = socialism in one country",
}


class PolitburoPanel(Panel):
    title = "Politburo"
    key = "politburo"

    def __init__(self, screen):
        super().__init__(screen)
        self.scroll = Scroller()
        self.rows: list[tuple[str, str]] = []

    def refresh(self) -> None:
        s, g = self.session.state, self.session.g
        from game.engine.state import BODY
        full = s.member[0, :, BODY["politburo"]]
        cand = s.member[0, :, BODY["politburo_candidate"]]
        order = np.argsort(-s.prestige[0], kind="stable")
        rows = [(g.person_ids[i], "member") for i in order if full[i]]
        rows += [(g.person_ids[i], "candidate") for i in order if cand[i] and not full[i]]
        rows += [(g.person_ids[i], "outside") for i in order
                 if g.leaders[i] and not full[i] and not cand[i]]
        self.rows = rows

    def layout(self, rect: pygame.Rect) -> None:
        super().layout(rect)
        f = self.app.fonts
        u = self.app.u
        self.name_font, self.small = f.get("display", 17), f.get("text", 12)
        self.row_h = self.name_font.get_linesize() + self.small.get_linesize() + u(10)
        self.head_h = f.get("display", 20).get_linesize() + f.get("text", 11).get_linesize() + u(12)
        self.refresh()

    def body(self) -> pygame.Rect:
        return pygame.Rect(self.rect.x, self.rect.y + self.head_h, self.rect.w, self.rect.h - self.head_h)

    def columns(self) -> dict:
        u, w = self.app.u, self.rect.w
        pic = self.row_h - u(6)
        head = self.app.fonts.get("text", 11)
        pres_w = max(u(56), self.small.size("100")[0] + u(34), head.size("PRESTIGE")[0] + u(4))
        axes_w = u(72)
        name_w = w - pic - u(8) - axes_w - pres_w - u(20)
        return {"pic": pic, "name_x": self.rect.x + pic + u(8), "name_w": name_w,
                "axes_x": self.rect.x + pic + u(8) + name_w + u(8), "axes_w": axes_w,
                "pres_x": self.rect.right - pres_w, "pres_w": pres_w}

    def handle_event(self, event) -> bool:
        return self.scroll.wheel(event, self.body(), self.row_h)

    def draw(self, surface: pygame.Surface) -> None:
        app, pal, u = self.app, self.app.pal, self.app.u
        c = self.columns()
        y = self.rect.y
        r = blit(surface, app.fonts.get("display", 20), "THE POLITBURO", pal.ink, (self.rect.x, y))
        head = app.fonts.get("text", 11)
        self._seats(surface, head, r)
        hr = pygame.Rect(c["axes_x"], r.bottom + u(2), c["axes_w"], head.get_linesize())
        blit(surface, head, ellipsize(head, "STANCE", c["axes_w"]), pal.ink_soft, hr.topleft)
        self.screen.tips.add_frame(hr, "Three bars, top to bottom. " + " ".join(AXIS_HELP.values()))
        blit(surface, head, ellipsize(head, "PRESTIGE", c["pres_w"]), pal.ink_soft, (c["pres_x"], r.bottom + u(2)))
        pygame.draw.line(surface, pal.ink, (self.rect.x, self.rect.y + self.head_h - u(3)),
                         (self.rect.right, self.rect.y + self.head_h - u(3)), max(1, u(2)))
        body = self.body()
        self.scroll.set_extent(len(self.rows) * self.row_h + u(30), body.h)
        clip = surface.get_clip()
        surface.set_clip(body)
        last = None
        y = body.y - self.scroll.offset
        for pid, group in self.rows:
            if group != last and group != "member":
                label = "CANDIDATE MEMBERS" if group == "candidate" else "OTHER LEADERS"
                blit(surface, head, label, pal.accent, (self.rect.x, y + u(2)))
                y += head.get_linesize() + u(4)
            last = group
            if y + self.row_h >= body.y and y <= body.bottom:
                self._row(surface, pid, group, pygame.Rect(self.rect.x, y, self.rect.w, self.row_h), c)
            y += self.row_h
        surface.set_clip(clip)
        self.scroll.bar(surface, body, pal.accent, u(4))

    def _seats(self, surface, font, title: pygame.Rect) -> None:
        """How many of the full seats the Congress set are filled, beside the title (when the
        scenario sets a number): a promotion needs one free."""
        g, s, pal, u = self.session.g, self.session.state, self.app.pal, self.app.u
        if not g.seats_limited:
            return
        from game.engine.legality import politburo_vacancies     # the count the engine checks
        seats = g.seats_at(int(s.turn))
        filled = seats - int(politburo_vacancies(g, s)[0])
        text = f"{filled} OF {seats} SEATS FILLED"
        room = self.rect.right - title.right - u(10)
        if font.size(text)[0] > room:
            text = f"{filled}/{seats} SEATS"
        r = blit(surface, font, ellipsize(font, text, room), pal.ink_soft,
                 (self.rect.right, title.centery), "midright")
        self.screen.tips.add_frame(r, f"The Congress set {seats} full seats; {filled} are filled. "
                                      "A member can be elected only to a free seat; a death, a "
                                      "removal, an expulsion or a demotion frees one.")

    def _row(self, surface, pid: str, group: str, r: pygame.Rect, c: dict) -> None:
        pal, u, ses = self.app.pal, self.app.u, self.session
        i = ses.p(pid)
        s = ses.state
        player = pid in ses.players
        if player:
            pygame.draw.rect(surface, mix(pal.paper_light, pal.accent2, 0.25), r)
        img = people.portrait(ses, pal, pid, c["pic"], badge=False)
        surface.blit(img, (r.x, r.y + u(3)))
        name = ses.short(pid)
        colour = pal.ink if group != "outside" else pal.ink_soft
        nr = blit(surface, self.name_font, name.upper(), colour, (c["name_x"], r.y + u(3)), max_width=c["name_w"])
        posts = ses.posts_of(pid)
        patron = int(s.patron[0, i])
        second = ", ".join(posts) if posts else ""
        if patron >= 0:
            second = (second + "; " if second else "") + f"{ses.short(ses.g.person_ids[patron])}'s man " \
                     f"({s.loyalty[0, i] * 100:.0f}%)"
        if not second:
            second = "no post" if s.alive[0, i] else "dead"
        blit(surface, self.small, second, pal.ink_soft, (c["name_x"], nr.bottom), max_width=c["name_w"])
        bar_h = max(3, (r.h - u(14)) // 3)
        for k in range(3):
            self._axis(surface, pygame.Rect(c["axes_x"], r.y + u(5) + k * (bar_h + u(2)), c["axes_w"], bar_h),
                       float(s.ideology[0, i, k]), people.colour(ses, pal, pid))
        if player:
            from game.ui import art
            art.star(surface, (r.x + u(8), r.y + u(9)), u(8), pal.accent, pal.ink, 1)
        pres = float(s.prestige[0, i])
        num_w = self.small.size("100")[0] + u(4)
        bar = pygame.Rect(c["pres_x"], r.centery - u(5), max(10, c["pres_w"] - num_w - u(4)), u(10))
        pygame.draw.rect(surface, pal.paper_dark, bar)
        pygame.draw.rect(surface, pal.ink, (bar.x, bar.y, int(bar.w * min(1.0, pres / 100)), bar.h))
        blit(surface, self.small, f"{pres:.0f}", pal.ink, (bar.right + u(4), r.centery), "midleft")
        blocs = people.blocs_of(ses, pid)
        tip = [ses.name(pid)] + ([", ".join(posts)] if posts else [])
        tip.append("Bodies: " + ", ".join(b.replace("_", " ") for b in people.bodies_of(ses, pid)))
        if blocs:
            tip.append("Alliances: " + ", ".join(blocs))
        tip.append(f"Health {s.health[0, i] * 100:.0f}%")
        for ps in ses.players:
            if ps != pid:
                tip.append(f"Regard for {ses.name(ps)}: {s.relations[0, i, ses.p(ps)]:+.2f}")
        self.screen.tips.add_frame(r.clip(self.body()), ". ".join(tip) + ".")
        pygame.draw.line(surface, pal.paper_dark, (r.x, r.bottom - 1), (r.right, r.bottom - 1))

    def _axis(self, surface, r: pygame.Rect, value: float, colour) -> None:
        pal = self.app.pal
        pygame.draw.rect(surface, pal.paper_dark, r)
        mid = r.centerx
        x = mid + int(value * r.w / 2)
        pygame.draw.rect(surface, colour, (min(mid, x), r.y, max(2, abs(x - mid)), r.h))
        pygame.draw.line(surface, pal.ink, (mid, r.y - 1), (mid, r.bottom), 1)
