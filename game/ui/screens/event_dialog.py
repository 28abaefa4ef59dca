"""An event as a dialog: the moment, its text with the source quoted, and either the choices
(with what each does) for the player who decides, or what was decided."""
from __future__ import annotations

import pygame
import pygame_gui

from game.ui import art, layout, people
from game.ui.richtext import RichText, RichTextView
from game.ui.screen import Screen
from game.ui.text import blit, blit_wrapped, wrap
from game.ui.widgets import button, card


class EventDialog(Screen):
    opaque = False
    background = None
    name = "event"

    def __init__(self, app, session, event=None, record: dict | None = None, on_done=None):
        super().__init__(app)
        self.session = session
        self.event = event
        self.record = record or {}
        self.on_done = on_done
        if event is None and self.record.get("event"):
            self.event = next((e for e in session.scenario.events if e.id == self.record["event"]), None)

    @property
    def choosing(self) -> bool:
        return self.event is not None and not self.record and bool(self.event.choices)

    def shortcuts(self):
        return [("1-9", "Choose that option")] if self.choosing else [("Enter", "Continue")]

    def title(self) -> str:
        if self.event is not None:
            return self.event.title
        return self.record.get("title") or self.record.get("text", "")

    def text(self) -> str:
        if self.event is not None:
            return self.event.text
        return self.record.get("detail") or self.record.get("text", "")

    def source(self):
        if self.event is not None and self.event.source is not None:
            return self.event.source.file, self.event.source.quote
        src = self.record.get("source") or {}
        return (src.get("file"), src.get("quote", "")) if src else (None, "")

    def layout(self, rect: pygame.Rect) -> None:
        app, u, pal = self.app, self.app.u, self.app.pal
        w, h = rect.size
        box_w = min(int(w * 0.80), u(980))
        inner_w = box_w - 2 * u(26)
        band_h = app.fonts.get("display", 17).get_linesize() + u(14)
        self.title_font = app.fonts.fit("display", 40, self.title().upper(), inner_w, app.fonts.px("display", 20))
        self.title_lines = wrap(self.title_font, self.title().upper(), inner_w)[:2]
        title_h = len(self.title_lines) * self.title_font.get_linesize() + u(18)
        bfont = app.fonts.theme_font("display", 19)
        bh = bfont.get_linesize() + u(14)
        small = app.fonts.get("text", 13)
        file, quote = self.source()
        sf = app.fonts.get("serif_italic", 14)
        src_text = self._source_text()
        src_h = (min(3, len(wrap(sf, src_text, inner_w))) * sf.get_linesize() + u(10)) if file else 0
        markup = app.glossary.mark(self.text())
        if not self.choosing and self.record.get("choice_label"):
            markup += f"\n\n**Decided:** {self.record['choice_label']}."
        rich = RichText(markup, app.fonts, 17, "serif", pal.ink, pal.link, pal.accent, label_for=app.glossary.label)
        rich.layout(inner_w - max(4, inner_w // 90) * 3)
        choices = list(self.event.choices) if self.choosing else []
        notes = [min(2, len(wrap(small, self._note(c), inner_w))) for c in choices]
        foot_h = sum(bh + n * small.get_linesize() + u(10) for n in notes) if choices else bh
        fixed = band_h + title_h + src_h + foot_h + u(18) * 3
        body_h = max(rich.line_h * 2, min(rich.height, int(h * 0.88) - fixed))
        self.box = pygame.Rect(0, 0, box_w, fixed + body_h)
        self.box.center = rect.center
        inner = layout.inset(self.box, u(26), u(18))
        self.inner = inner
        self.band = pygame.Rect(self.box.x, self.box.y, self.box.w, band_h)
        top = self.band.bottom + title_h
        self.view = RichTextView(pygame.Rect(inner.x, top, inner.w, body_h), rich, pal.accent)
        self.src_rect = pygame.Rect(inner.x, top + body_h + u(10), inner.w, src_h)
        self.choice_buttons = {}
        self.choice_rows = []
        y = self.src_rect.bottom + u(8)
        for i, (ch, n) in enumerate(zip(choices, notes)):
            label = f"{i + 1}. {ch.label}"
            bw = min(inner.w, bfont.size(label)[0] + u(36))
            b = button(self.manager, pygame.Rect(inner.x, y, bw, bh), label, "@action", ch.outcome or ch.label,
                       name=f"choice_{ch.id}")
            self.choice_buttons[b] = ch
            self.choice_rows.append((ch, pygame.Rect(inner.x, y + bh + u(2), inner.w, n * small.get_linesize() + u(4))))
            y += bh + n * small.get_linesize() + u(10)
        if not choices:
            cw = max(u(150), bfont.size("Continue")[0] + u(40))
            self.cont = button(self.manager, pygame.Rect(inner.right - cw, inner.bottom - bh, cw, bh), "Continue",
                               "@action", "Close (Enter)", name="continue")

    def _note(self, ch) -> str:
        note = ch.outcome or ""
        if ch.historical:
            note = (note + " " if note else "") + "(What happened.)"
        return note

    def _source_text(self) -> str:
        file, quote = self.source()
        if not file:
            return ""
        return f"“{quote}” — {self._title_of(file)}" if quote else f"Source: {self._title_of(file)}"

    def on_enter(self) -> None:
        if not getattr(self, "_sounded", False):
            self._sounded = True
            self.app.play("chord")

    def finish(self) -> None:
        self.app.pop()
        if self.on_done:
            self.on_done()

    def handle_event(self, event) -> bool:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element in self.choice_buttons:
                self.session.choose(self.event.id, self.choice_buttons[event.ui_element].id)
                self.finish()
                return True
            if not self.choosing and event.ui_element is self.cont:
                self.finish()
                return True
        link = self.view.handle_event(event)
        if link:
            self.app.open_glossary(link)
            return True
        if event.type == pygame.KEYDOWN:
            if self.choosing and pygame.K_1 <= event.key <= pygame.K_9:
                i = event.key - pygame.K_1
                if i < len(self.event.choices):
                    self.session.choose(self.event.id, self.event.choices[i].id)
                    self.finish()
            elif not self.choosing and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                self.finish()
            return True
        return event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP)

    def back(self) -> None:
        if not self.choosing:
            self.finish()

    def draw_content(self, surface: pygame.Surface) -> None:
        app, pal, u = self.app, self.app.pal, self.app.u
        art.dim(surface, pal.ink, 150)
        card(surface, self.box, pal, u)
        pygame.draw.rect(surface, pal.accent, self.band)
        kind = "A DECISION FOR YOU" if self.choosing else (self.record.get("kind") or "event").upper()
        date = people.long_date(self.record.get("date") or self.session.date)
        band_font = app.fonts.get("display", 17)
        blit(surface, band_font, f"{kind} · {date.upper()}", pal.paper_light, (self.inner.x, self.band.centery), "midleft")
        y = self.band.bottom + u(10)
        for line in self.title_lines:
            blit(surface, self.title_font, line, pal.ink, (self.inner.x, y))
            y += self.title_font.get_linesize()
        self.view.draw(surface)
        if self.src_rect.h:
            f = app.fonts.get("serif_italic", 14)
            pygame.draw.line(surface, pal.accent, self.src_rect.topleft, (self.src_rect.x + u(60), self.src_rect.y), 2)
            blit_wrapped(surface, f, self._source_text(), pal.ink_soft, self.src_rect.move(0, u(6)), spacing=1.0,
                         max_lines=3)
        small = app.fonts.get("text", 13)
        for ch, r in self.choice_rows:
            blit_wrapped(surface, small, self._note(ch), pal.ink_soft, r, spacing=1.0, max_lines=2)

    def _title_of(self, file: str) -> str:
        titles = self.app.glossary.source_titles
        return titles.get(file, file)
