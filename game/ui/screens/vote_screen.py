"""A vote, voter by voter: the motion, the result, every named voter with his reasons, and the
anonymous groups (delegations, clients) with what moved them. Several votes page through."""
from __future__ import annotations

import pygame
import pygame_gui

from game.ui import layout, people
from game.ui.panels import Scroller
from game.ui.screen import Screen
from game.ui.text import blit, ellipsize, wrap
from game.ui.widgets import button, card, header, section_title

BODIES = {"politburo": "Politburo", "central_committee": "Central Committee plenum",
          "joint_plenum": "Joint plenum", "congress": "Party Congress", "conference": "Party Conference"}


class VoteScreen(Screen):
    name = "vote"

    def __init__(self, app, session, votes: list[dict]):
        super().__init__(app)
        self.session = session
        self.votes = votes
        self.index = 0
        self.scroll = Scroller()
        self.gscroll = Scroller()

    @property
    def rec(self) -> dict:
        return self.votes[self.index]

    def shortcuts(self):
        return [("Left, Right", "Previous or next vote"), ("Enter", "Continue")]

    def layout(self, rect: pygame.Rect) -> None:
        app, u = self.app, self.app.u
        w, h = rect.size
        self.header_rect = self.poster_header(w)
        self.cont = self.header_button(w - u(20), "Continue", "@action", "Back to the game (Enter)",
                                       "continue")
        self.next = self.header_button(self.cont.rect.x - u(10), "Next vote", "@back",
                                       "The next vote of this turn (Right)", "next_vote",
                                       min_w=110, pad=30)
        nr = self.next.rect                 # Previous: as wide as Next, to its left
        self.prev = button(self.manager, pygame.Rect(nr.x - nr.w - u(8), nr.y, nr.w, nr.h), "Previous",
                           "@back", "The previous vote (Left)", name="prev_vote")
        self.body = pygame.Rect(u(24), self.header_rect.bottom + u(18), w - u(48), h - self.header_rect.bottom - u(36))
        self.top_rect = pygame.Rect(self.body.x, self.body.y, self.body.w, app.fonts.get("display", 30).get_linesize() * 2 + u(24))
        rest = pygame.Rect(self.body.x, self.top_rect.bottom + u(14), self.body.w, self.body.bottom - self.top_rect.bottom - u(14))
        self.voters_rect, self.groups_rect = layout.split_h(rest, [0.58, 0.42], u(20))
        self.row_font, self.reason_font = app.fonts.get("display", 17), app.fonts.get("text", 13)
        self._pager()

    def _pager(self) -> None:
        many = len(self.votes) > 1
        for b in (self.next, self.prev):
            b.show() if many else b.hide()
        if many:
            self.prev.enable() if self.index > 0 else self.prev.disable()
            self.next.enable() if self.index < len(self.votes) - 1 else self.next.disable()
        self.scroll.offset = self.gscroll.offset = 0

    def go(self, delta: int) -> None:
        index = max(0, min(len(self.votes) - 1, self.index + delta))
        if index != self.index:
            self.index = index
            self.app.play("stamp")
        self._pager()

    def on_enter(self) -> None:
        if not getattr(self, "_stamped", False):
            self._stamped = True
            self.app.play("stamp")

    def handle_event(self, event) -> bool:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.cont:
                self.app.pop()
            elif event.ui_element is self.next:
                self.go(1)
            elif event.ui_element is self.prev:
                self.go(-1)
            return True
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_RIGHT:
                self.go(1)
            elif event.key == pygame.K_LEFT:
                self.go(-1)
            elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                self.app.pop()
            return True
        return self.scroll.wheel(event, self.voters_rect, self._voter_h()) or \
            self.gscroll.wheel(event, self.groups_rect, self.reason_font.get_linesize() * 2)

    def _voter_h(self) -> int:
        return self.row_font.get_linesize() + self.reason_font.get_linesize() * 2 + self.app.u(10)

    def draw_content(self, surface: pygame.Surface) -> None:
        self.tips.begin_frame()
        app, pal, u, rec = self.app, self.app.pal, self.app.u, self.rec
        body = BODIES.get(rec.get("body"), "Vote")
        sub = f"{people.long_date(rec.get('date', ''))}" + (f" · vote {self.index + 1} of {len(self.votes)}"
                                                           if len(self.votes) > 1 else "")
        header(surface, self.header_rect, body, app, sub)
        card(surface, self.body.inflate(u(20), u(16)), pal, u)
        motion = rec.get("motion", "").strip("“”")
        tf = app.fonts.get("display", 30)
        lines = wrap(tf, motion.upper(), int(self.top_rect.w * 0.68))[:2]
        y = self.top_rect.y
        for line in lines:
            blit(surface, tf, line, pal.ink, (self.top_rect.x, y))
            y += tf.get_linesize()
        blit(surface, app.fonts.get("italic", 14), self._moved_by(rec), pal.ink_soft,
             (self.top_rect.x, y + u(2)))
        self._stamp(surface, rec)
        self._voters(surface, rec)
        self._groups(surface, rec)

    def _stamp(self, surface, rec) -> None:
        app, pal, u = self.app, self.app.pal, self.app.u
        passed = rec.get("result") == "passed"
        word = "ADOPTED" if passed else "REJECTED"
        font = app.fonts.get("display", 34)
        img = font.render(word, True, pal.accent if passed else pal.ink)
        box = pygame.Surface((img.get_width() + u(24), img.get_height() + u(8)), pygame.SRCALPHA)
        pygame.draw.rect(box, pal.accent if passed else pal.ink, box.get_rect(), max(2, u(4)))
        box.blit(img, (u(12), u(4)))
        box = pygame.transform.rotate(box, 6)
        t = rec.get("tally", {})
        tr = blit(surface, app.fonts.get("display", 20), f"FOR {t.get('for', 0)} · AGAINST {t.get('against', 0)}"
                  f" · ABSTAIN {t.get('abstain', 0)}", pal.ink, (self.top_rect.right, self.top_rect.bottom), "bottomright")
        surface.blit(box, box.get_rect(bottomright=(self.top_rect.right, tr.y - u(2))))

    def _moved_by(self, rec) -> str:
        """Who brought the motion: its mover, or the Central Committee itself when the plenum
        after a Congress votes on its own choice (the record names no leader as mover)."""
        election = rec.get("election") or {}
        if election and election.get("mover") is None:
            return "Put up by the Central Committee itself: no leader's man could carry it"
        sponsor = rec.get("sponsor")
        return f"Moved by {self.session.name(sponsor)}" if sponsor else ""

    def _voters(self, surface, rec) -> None:
        app, pal, u, ses = self.app, self.app.pal, self.app.u, self.session
        y0 = section_title(surface, self.voters_rect, "Named voters and their reasons", app)
        view = pygame.Rect(self.voters_rect.x, y0, self.voters_rect.w, self.voters_rect.bottom - y0)
        voters = rec.get("voters", [])
        vh = self._voter_h()
        self.scroll.set_extent(len(voters) * vh, view.h)
        clip = surface.get_clip()
        surface.set_clip(view)
        pic = vh - u(10)
        stamp_w = app.fonts.get("display", 16).size("AGAINST")[0] + u(16)
        for i, v in enumerate(voters):
            r = pygame.Rect(view.x, view.y + i * vh - self.scroll.offset, view.w - u(8), vh)
            if r.bottom < view.y or r.y > view.bottom:
                continue
            pid = v.get("id")
            if pid in ses.g.pidx:
                surface.blit(people.portrait(ses, pal, pid, pic, badge=False, turn=rec.get("turn")),
                             (r.x, r.y + u(4)))
            x = r.x + pic + u(10)
            blit(surface, self.row_font, ses.name(pid).upper(), pal.ink, (x, r.y + u(3)), max_width=r.w - pic - stamp_w - u(24))
            yes = v.get("vote") == "for"
            sr = pygame.Rect(r.right - stamp_w, r.y + u(4), stamp_w, self.row_font.get_linesize())
            pygame.draw.rect(surface, pal.accent if yes else pal.ink, sr)
            blit(surface, app.fonts.get("display", 16), "FOR" if yes else "AGAINST", pal.paper_light, sr.center, "center")
            reasons = "; ".join(r_["text"] for r_ in v.get("reasons", [])) or "no strong reason"
            ry = r.y + u(3) + self.row_font.get_linesize()
            for line in wrap(self.reason_font, reasons, r.w - pic - u(14))[:2]:
                blit(surface, self.reason_font, line, pal.ink_soft, (x, ry))
                ry += self.reason_font.get_linesize()
            self.tips.add_frame(r.clip(view), f"{ses.name(pid)}: " + reasons)
            pygame.draw.line(surface, pal.paper_dark, (r.x, r.bottom - 1), (r.right, r.bottom - 1))
        surface.set_clip(clip)
        self.scroll.bar(surface, view, pal.accent, u(5))

    def _groups(self, surface, rec) -> None:
        app, pal, u = self.app, self.app.pal, self.app.u
        y = section_title(surface, self.groups_rect, "The rest of the hall", app)
        y = self._nomination(surface, rec, y)
        view = pygame.Rect(self.groups_rect.x, y, self.groups_rect.w, self.groups_rect.bottom - y)
        groups = rec.get("groups", [])
        f, small = app.fonts.get("bold", 13), app.fonts.get("text", 12)
        bar_h = u(10)
        # each group's reason in full: at the largest text it wraps to three lines, and a row
        # cut to two dropped its end ("the party leans for")
        texts = [wrap(small, grp.get("text", ""), view.w - u(8))[:4] for grp in groups]
        n_lines = max([2] + [len(lines) for lines in texts])
        gh = f.get_linesize() + bar_h + small.get_linesize() * n_lines + u(12)
        self.gscroll.set_extent(len(groups) * gh, view.h)
        clip = surface.get_clip()
        surface.set_clip(view)
        for i, grp in enumerate(groups):
            r = pygame.Rect(view.x, view.y + i * gh - self.gscroll.offset, view.w - u(8), gh)
            if r.bottom < view.y or r.y > view.bottom:
                continue
            name = self._group_name(grp.get("group", ""))
            blit(surface, f, f"{name} — {grp.get('size', 0)}", pal.ink, r.topleft, max_width=r.w)
            bar = pygame.Rect(r.x, r.y + f.get_linesize() + u(2), r.w, bar_h)
            total = max(1, grp.get("for", 0) + grp.get("against", 0))
            pygame.draw.rect(surface, pal.paper_dark, bar)
            pygame.draw.rect(surface, pal.accent, (bar.x, bar.y, int(bar.w * grp.get("for", 0) / total), bar.h))
            pygame.draw.rect(surface, pal.ink, bar, 1)
            blit(surface, small, f"{grp.get('for', 0)} for, {grp.get('against', 0)} against", pal.ink,
                 (bar.right, bar.y - u(1)), "bottomright")
            ty = bar.bottom + u(2)
            for line in texts[i]:
                blit(surface, small, line, pal.ink_soft, (r.x, ty))
                ty += small.get_linesize()
            self.tips.add_frame(r.clip(view), grp.get("text", ""))
        surface.set_clip(clip)
        self.gscroll.bar(surface, view, pal.accent, u(5))
        if not groups:
            blit(surface, app.fonts.get("italic", 13), "Only the named members voted.", pal.ink_soft, view.topleft)

    def _nomination(self, surface, rec, y: int) -> int:
        """The plenum after a Congress: whom its majority put up for the vacant seat, and why
        (above the hall's groups); returns where the groups begin."""
        why = (rec.get("election") or {}).get("why")
        if not why:
            return y
        app, r = self.app, self.groups_rect
        font = app.fonts.get("italic", 13)
        for line in wrap(font, why, r.w)[:5]:
            blit(surface, font, line, app.pal.ink, (r.x, y))
            y += font.get_linesize()
        return y + app.u(8)

    def _group_name(self, gid: str) -> str:
        kind, _, ident = gid.partition(":")
        ses = self.session
        if kind == "region" and ident in ses.g.ridx:
            return ses.scenario.regions[ses.g.ridx[ident]].name
        if kind == "clients":
            return f"{ses.name(ident)}'s clients"
        return ellipsize(self.app.fonts.get("bold", 13), gid.replace("_", " ").capitalize(), 400)
