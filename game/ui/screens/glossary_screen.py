"""The encyclopaedia: every glossary entry with its links and its sources."""
from __future__ import annotations

import pygame
import pygame_gui

from game.ui import layout
from game.ui.glossary import GENERAL
from game.ui.richtext import RichText, RichTextView
from game.ui.screen import Screen
from game.ui.text import blit
from game.ui.widgets import ListView, card, header


def entry_markup(glossary, entry) -> str:
    """The body of an entry as rich-text markup: text, see also, sources."""
    parts = [entry.text]
    if entry.see:
        parts.append("**See also:** " + " · ".join(f"[[{s}]]" for s in entry.see if s in glossary))
    lines = ["**Sources**"]
    for src in entry.sources:
        title = glossary.source_titles.get(src.file, src.file)
        if src.file == GENERAL:
            lines.append("— *General history* (not from the seed texts).")
        else:
            lines.append(f"— *“{src.quote}”*\n   {title} [{src.file}]")
    parts.append("\n".join(lines))
    return "\n\n".join(parts)


SHORT = {"institutions": "institution", "ideas": "idea", "economy": "society", "events": "event"}


class GlossaryScreen(Screen):
    name = "glossary"

    def __init__(self, app, entry_id: str | None = None):
        super().__init__(app)
        self.glossary = app.glossary
        self.current = entry_id if entry_id in self.glossary else self.glossary.order[0]
        self.history: list[str] = []
        self.query = ""

    def shortcuts(self):
        return [("Up, Down", "Previous or next entry in the list"), ("Backspace", "Back to the entry you came from"),
                ("Ctrl+F", "Search"), ("Esc", "Close the encyclopaedia")]

    def select(self, entry_id: str | None, remember: bool = True) -> None:
        if entry_id and entry_id in self.glossary and entry_id != self.current:
            if remember:
                self.history.append(self.current)
            self.current = entry_id
            self.list.selected = entry_id
            ids = [r[0] for r in self.list.rows]
            if entry_id in ids:
                self.list.ensure_visible(ids.index(entry_id))
            self._build_entry()

    def layout(self, rect: pygame.Rect) -> None:
        u, w, h = self.app.u, rect.w, rect.h
        self.header_rect = self.poster_header(w)
        hb = self.header_rect
        self.back_button = self.header_back_button(w, "Close the encyclopaedia (Esc)")
        body = pygame.Rect(u(30), hb.bottom + u(22), w - u(60), h - hb.bottom - u(44))
        self.left, self.right = layout.split_h(body, [0.30, 0.70], u(26))
        inner = layout.inset(self.left, u(12))
        entry_h = self.app.fonts.get("text", 17).get_linesize() + u(14)
        self.search = pygame_gui.elements.UITextEntryLine(
            pygame.Rect(inner.x, inner.y, inner.w, entry_h), manager=self.manager,
            placeholder_text="Search…", object_id=pygame_gui.core.ObjectID(object_id="#search"))
        if self.query:
            self.search.set_text(self.query)
        list_rect = pygame.Rect(inner.x, inner.y + entry_h + u(10), inner.w, inner.bottom - inner.y - entry_h - u(10))
        self.list = ListView(list_rect, self._rows(), self.app, self.current)
        ids = [r[0] for r in self.list.rows]
        if self.current in ids:
            self.list.ensure_visible(ids.index(self.current))
        self._build_entry()

    def _rows(self) -> list[tuple[str, str, str]]:
        g = self.glossary
        return [(i, g[i].term, SHORT.get(g[i].category, "")) for i in g.search(self.query)]

    def _build_entry(self) -> None:
        u, pal, fonts = self.app.u, self.app.pal, self.app.fonts
        entry = self.glossary[self.current]
        inner = layout.inset(self.right, u(26), u(20))
        self.title_font = fonts.fit("display", 46, entry.term.upper(), inner.w, fonts.px("display", 22))
        tag_font = fonts.get("display", 15)
        top = inner.y + self.title_font.get_linesize() + tag_font.get_linesize() + u(18)
        self.entry_inner = inner
        rich = RichText(entry_markup(self.glossary, entry), fonts, 18, "serif", pal.ink, pal.link, pal.accent,
                        label_for=self.glossary.label)
        self.view = RichTextView(pygame.Rect(inner.x, top, inner.w, inner.bottom - top), rich, pal.accent)

    def handle_event(self, event) -> bool:
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is self.back_button:
            self.back()
            return True
        if event.type == pygame_gui.UI_TEXT_ENTRY_CHANGED and event.ui_element is self.search:
            self.query = self.search.get_text()
            self.list.set_rows(self._rows())
            self.list.selected = self.current
            return True
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and event.ui_element is self.search:
            if self.list.rows:
                self.select(self.list.rows[0][0])
            return True
        link = self.view.handle_event(event)
        if link:
            self.select(link)
            return True
        chosen = self.list.handle_event(event)
        if chosen:
            self.select(chosen)
            return True
        if event.type == pygame.KEYDOWN and not self.text_input_focused():
            return self._key(event)
        return False

    def _key(self, event) -> bool:
        if event.key in (pygame.K_DOWN, pygame.K_UP):
            self.select(self.list.move(1 if event.key == pygame.K_DOWN else -1))
            return True
        if event.key == pygame.K_BACKSPACE and self.history:
            self.select(self.history.pop(), remember=False)
            return True
        if event.key == pygame.K_f and event.mod & pygame.KMOD_CTRL:
            self.search.focus()
            return True
        if event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            self.view.scroll_by(self.view.rect.h * (1 if event.key == pygame.K_PAGEDOWN else -1) * 3 // 4)
            return True
        return False

    def draw_content(self, surface: pygame.Surface) -> None:
        app, pal, u, fonts = self.app, self.app.pal, self.app.u, self.app.fonts
        header(surface, self.header_rect, "Encyclopaedia", app, "the words of the 1920s, with their sources")
        card(surface, self.left, pal, u)
        card(surface, self.right, pal, u)
        self.list.draw(surface)
        if not self.list.rows:
            blit(surface, fonts.get("italic", 15), "Nothing found.", pal.ink_soft,
                 (self.list.rect.x + u(10), self.list.rect.y + u(10)))
        entry = self.glossary[self.current]
        inner = self.entry_inner
        r = blit(surface, self.title_font, entry.term.upper(), pal.ink, inner.topleft, max_width=inner.w)
        tag_font = fonts.get("display", 15)
        tag = self.glossary.categories.get(entry.category, entry.category).upper()
        tr = pygame.Rect(inner.x, r.bottom + u(4), tag_font.size(tag)[0] + u(16), tag_font.get_linesize() + u(2))
        pygame.draw.rect(surface, pal.accent, tr)
        blit(surface, tag_font, tag, pal.paper_light, tr.center, "center")
        pygame.draw.line(surface, pal.ink, (tr.right + u(10), tr.centery), (inner.right, tr.centery), max(1, u(2)))
        self.view.draw(surface)
