"""The news of the turn, set as the party newspaper of the day."""
from __future__ import annotations

import pygame

from game.ui import layout, people
from game.ui.panels import Panel
from game.ui.text import blit, wrap

HEADLINE_KINDS = ("event", "death", "stroke", "vote", "sitting", "defeat", "collapse", "end")


def is_major(rec: dict) -> bool:
    """Headlines: events, deaths, votes, sittings, the end; the rest is party life in brief."""
    return rec.get("kind") in HEADLINE_KINDS or bool(rec.get("event"))


def headline(rec: dict) -> tuple[str, str]:
    """(headline, body) for one log record."""
    kind = rec.get("kind")
    if kind == "vote":
        verdict = "ADOPTED" if rec.get("result") == "passed" else "REJECTED"
        t = rec.get("tally", {})
        return f"{verdict}: {rec.get('motion', '')}", f"{rec.get('text', '')} For {t.get('for', 0)}, against {t.get('against', 0)}."
    if kind in ("event", "publication"):
        body = rec.get("detail", "")
        if rec.get("choice_label"):
            body = f"{body} Decided: {rec['choice_label']}."
        return rec.get("title", rec.get("text", "")), body
    return rec.get("text", ""), ""


class PressPanel(Panel):
    title = "Press"
    key = "press"

    def items(self) -> tuple[list[dict], list[dict]]:
        ses = self.session
        last = ses.turn - 1
        recs = [r for r in ses.records if r.get("turn") == last]
        major = [r for r in recs if is_major(r)]
        minor = [r for r in recs if not is_major(r)]
        return major, minor

    def draw(self, surface: pygame.Surface) -> None:
        app, pal, u, ses = self.app, self.app.pal, self.app.u, self.session
        page = self.rect
        pygame.draw.rect(surface, pal.paper_light, page)
        mast = app.fonts.fit("serif_bold", 44, "ПРАВДА · PRAVDA", page.w - u(40), 14)
        mr = blit(surface, mast, "ПРАВДА · PRAVDA", pal.ink, (page.centerx, page.y + u(4)), "midtop")
        sub = app.fonts.get("serif_italic", 12)
        date = people.long_date(ses.g.date(max(0, ses.turn - 1)))
        line_y = mr.bottom + u(2)
        pygame.draw.line(surface, pal.ink, (page.x + u(10), line_y), (page.right - u(10), line_y), max(2, u(3)))
        blit(surface, sub, f"Organ of the Central Committee · {date}", pal.ink_soft, (page.x + u(12), line_y + u(3)))
        blit(surface, sub, "Workers of the world, unite!", pal.accent, (page.right - u(12), line_y + u(3)), "topright")
        top = line_y + sub.get_linesize() + u(8)
        pygame.draw.line(surface, pal.ink, (page.x + u(10), top - u(3)), (page.right - u(10), top - u(3)), 1)
        major, minor = self.items()
        if not major and not minor:
            blit(surface, app.fonts.get("serif_italic", 16), "The first issue appears after the first turn.",
                 pal.ink_soft, (page.centerx, top + u(30)), "midtop")
            return
        cols = layout.split_h(pygame.Rect(page.x + u(12), top, page.w - u(24), page.bottom - top - u(8)),
                              [1.0, 1.0, 1.0], u(14))
        for c in cols[1:]:
            pygame.draw.line(surface, pal.ink_soft, (c.x - u(7), c.y), (c.x - u(7), c.bottom), 1)
        self._fill(surface, cols, major, minor)

    def _fill(self, surface, cols, major, minor) -> None:
        app, pal, u = self.app, self.app.pal, self.app.u
        head_font, body_font = app.fonts.get("serif_bold", 16), app.fonts.get("serif", 13)
        lead_font = app.fonts.get("serif_bold", 22)
        col, y = 0, cols[0].y
        items = major + ([{"kind": "_brief"}] if minor else [])
        for n, rec in enumerate(items):
            if rec.get("kind") == "_brief":
                self._briefs(surface, cols, col, y, minor)
                return
            head, body = headline(rec)
            hf = lead_font if n == 0 else head_font
            c = cols[col]
            lines_h = wrap(hf, head.upper() if n == 0 else head, c.w)
            lines_b = wrap(body_font, body, c.w) if body else []
            need = len(lines_h) * hf.get_linesize() + min(2, len(lines_b)) * body_font.get_linesize()
            if y + need > c.bottom:
                col += 1
                if col >= len(cols):
                    blit(surface, app.fonts.get("serif_italic", 12), f"… and {len(items) - n} more in the log.",
                         pal.ink_soft, cols[-1].bottomright, "bottomright")
                    return
                c, y = cols[col], cols[col].y
            for line in lines_h:
                blit(surface, hf, line, pal.ink, (c.x, y))
                y += hf.get_linesize()
            for line in lines_b:
                if y + body_font.get_linesize() > c.bottom:
                    break
                blit(surface, body_font, line, pal.ink_soft, (c.x, y))
                y += body_font.get_linesize()
            y += u(6)
            pygame.draw.line(surface, pal.paper_dark, (c.x, y - u(3)), (c.right, y - u(3)), 1)

    def _briefs(self, surface, cols, col, y, minor) -> None:
        """Party life in brief: the moves of the month, one short paragraph each."""
        app, pal, u = self.app, self.app.pal, self.app.u
        head, font = app.fonts.get("serif_bold", 14), app.fonts.get("serif", 12)
        c = cols[col]
        if y + head.get_linesize() * 2 > c.bottom and col + 1 < len(cols):
            col, c, y = col + 1, cols[col + 1], cols[col + 1].y
        blit(surface, head, "PARTY LIFE IN BRIEF", pal.accent, (c.x, y))
        y += head.get_linesize() + u(2)
        for n, rec in enumerate(minor):
            lines = wrap(font, "— " + rec.get("text", ""), c.w)
            if y + len(lines) * font.get_linesize() > c.bottom:
                col += 1
                if col >= len(cols):
                    blit(surface, app.fonts.get("serif_italic", 12), f"… {len(minor) - n} more in the log.",
                         pal.ink_soft, cols[-1].bottomright, "bottomright")
                    return
                c, y = cols[col], cols[col].y
            for line in lines:
                blit(surface, font, line, pal.ink, (c.x, y))
                y += font.get_linesize()
            y += u(3)
