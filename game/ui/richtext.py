"""Marked-up text drawn by hand: bold, italic and clickable glossary terms.

Markup (kept deliberately tiny, so engine and scenario texts pass through unchanged):
  [[id]] or [[id|shown words]]   a glossary term: underlined, clickable
  **bold**   *italic*
  a blank line starts a paragraph; a single newline breaks the line.

Text is laid out once per width into one surface (pygame_gui's text box is too slow for long
texts); links keep their rectangles for hit-testing and the hover underline.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Optional

import pygame

from game.ui.fonts import Fonts

TOKEN = re.compile(r"\[\[([a-z0-9_]+)(?:\|([^\]]+))?\]\]|\*\*(.+?)\*\*|\*(?!\s)(.+?)\*")
PIECE = re.compile(r"\S+\s*|\s+")
ROLES = {
    "sans": {"normal": "text", "bold": "bold", "italic": "italic"},
    "serif": {"normal": "serif", "bold": "serif_bold", "italic": "serif_italic"},
}


@dataclass(frozen=True)
class Span:
    text: str
    style: str = "normal"          # normal, bold, italic
    link: Optional[str] = None


def parse(markup: str, label_for: Callable[[str], str] | None = None) -> list[Span]:
    spans: list[Span] = []
    pos = 0
    for m in TOKEN.finditer(markup):
        if m.start() > pos:
            spans.append(Span(markup[pos:m.start()]))
        link, label, bold, italic = m.groups()
        if link:
            text = label or (label_for(link) if label_for else link.replace("_", " "))
            spans.append(Span(text, "normal", link))
        elif bold is not None:
            spans.append(Span(bold, "bold"))
        else:
            spans.append(Span(italic, "italic"))
        pos = m.end()
    if pos < len(markup):
        spans.append(Span(markup[pos:]))
    return spans


def plain(markup: str, label_for: Callable[[str], str] | None = None) -> str:
    return "".join(s.text for s in parse(markup, label_for))


class RichText:
    def __init__(self, markup: str, fonts: Fonts, size: float = 16, family: str = "sans",
                 colour=(0, 0, 0), link_colour=(160, 0, 0), hover_colour=None,
                 label_for: Callable[[str], str] | None = None, spacing: float = 1.25):
        self.spans = parse(markup, label_for)
        self.fonts = fonts
        self.size = size
        self.roles = ROLES[family]
        self.colour = colour
        self.link_colour = link_colour
        self.hover_colour = hover_colour or link_colour
        self.spacing = spacing
        self.surface: pygame.Surface | None = None
        self.links: list[tuple[pygame.Rect, str]] = []
        self.height = 0
        self.width = 0

    @property
    def line_h(self) -> int:
        return int(self.font("normal").get_linesize() * self.spacing)

    def font(self, style: str) -> pygame.font.Font:
        return self.fonts.get(self.roles[style], self.size)

    def layout(self, width: int) -> "RichText":
        width = max(40, width)
        if self.surface is not None and width == self.width:
            return self
        self.width = width
        frags = self._flow(width)
        line_h = self.line_h
        self.height = (max((f[1] for f in frags), default=-1) + 1) * line_h if frags else 0
        self.surface = pygame.Surface((width, max(1, self.height)), pygame.SRCALPHA)
        self.links = []
        for x, line, text, span in frags:
            colour = self.link_colour if span.link else self.colour
            img = self.font(span.style).render(text, True, colour)
            y = line * line_h
            self.surface.blit(img, (x, y))
            if span.link:
                self.links.append((pygame.Rect(x, y, img.get_width(), img.get_height()), span.link))
        return self

    def _flow(self, width: int) -> list[tuple[int, int, str, Span]]:
        frags: list[tuple[int, int, str, Span]] = []
        x, line = 0, 0
        for span in self.spans:
            font = self.font(span.style)
            parts = re.split(r"(\n)", span.text)
            for part in parts:
                if part == "\n":
                    x, line = 0, line + 1
                    continue
                for piece in PIECE.findall(part):
                    word = piece.rstrip()
                    w_word = font.size(word)[0]
                    w_piece = font.size(piece)[0]
                    if x > 0 and x + w_word > width and word:
                        x, line = 0, line + 1
                    if x == 0 and not word:
                        continue
                    frags.append((x, line, word if span.link else piece, span))
                    x += w_piece
        return frags

    def link_at(self, pos: tuple[int, int]) -> Optional[str]:
        for rect, link in self.links:
            if rect.inflate(2, 4).collidepoint(pos):
                return link
        return None

    def draw(self, surface: pygame.Surface, topleft: tuple[int, int], hover: str | None = None,
             underline_px: int = 1) -> None:
        if self.surface is None:
            return
        surface.blit(self.surface, topleft)
        x0, y0 = topleft
        for rect, link in self.links:
            r = rect.move(x0, y0)
            colour = self.hover_colour if link == hover else self.link_colour
            y = r.bottom - max(1, r.height // 7)
            if link == hover:
                pygame.draw.line(surface, colour, (r.left, y), (r.right, y), underline_px + 1)
            else:
                for dx in range(r.left, r.right, 4):
                    pygame.draw.line(surface, colour, (dx, y), (min(dx + 1, r.right), y), underline_px)


class RichTextView:
    """A scrollable window onto a RichText; reports the glossary term clicked."""

    def __init__(self, rect: pygame.Rect, rich: RichText, bar_colour=(0, 0, 0), track_colour=None):
        self.rect = pygame.Rect(rect)
        self.bar_w = max(4, rect.w // 90)
        self.rich = rich.layout(self.rect.w - self.bar_w * 3)
        step = rich.line_h
        if self.rich.height > self.rect.h and self.rect.h > step:
            self.rect.h = self.rect.h // step * step    # show whole lines only
        self.scroll = 0
        self.hover: str | None = None
        self._pressed: str | None = None
        self.bar_colour = bar_colour
        self.track_colour = track_colour

    @property
    def max_scroll(self) -> int:
        step = self.rich.line_h
        extra = max(0, self.rich.height - self.rect.h)
        return -(-extra // step) * step

    def scroll_by(self, dy: int) -> None:
        step = self.rich.line_h
        lines = int(round(dy / step)) or (1 if dy > 0 else -1 if dy < 0 else 0)
        self.scroll = max(0, min(self.max_scroll, self.scroll + lines * step))

    def _local(self, pos) -> tuple[int, int]:
        return pos[0] - self.rect.x, pos[1] - self.rect.y + self.scroll

    def handle_event(self, event: pygame.event.Event) -> Optional[str]:
        """Scroll, hover and click; returns the term id on a completed click on a term."""
        if event.type == pygame.MOUSEMOTION:
            inside = self.rect.collidepoint(event.pos)
            self.hover = self.rich.link_at(self._local(event.pos)) if inside else None
        elif event.type == pygame.MOUSEWHEEL:
            if self.rect.collidepoint(pygame.mouse.get_pos()):
                self.scroll_by(-event.y * self.rich.line_h * 2)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            if self.rect.collidepoint(event.pos):
                self._pressed = self.rich.link_at(self._local(event.pos))
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            pressed, self._pressed = self._pressed, None
            if pressed and self.rect.collidepoint(event.pos):
                if self.rich.link_at(self._local(event.pos)) == pressed:
                    return pressed
        return None

    def draw(self, surface: pygame.Surface) -> None:
        clip = surface.get_clip()
        surface.set_clip(self.rect.clip(clip) if clip else self.rect)
        self.rich.draw(surface, (self.rect.x, self.rect.y - self.scroll), self.hover)
        surface.set_clip(clip)
        if self.max_scroll:
            track = pygame.Rect(self.rect.right - self.bar_w, self.rect.y, self.bar_w, self.rect.h)
            if self.track_colour:
                pygame.draw.rect(surface, self.track_colour, track)
            h = max(self.bar_w * 3, int(self.rect.h * self.rect.h / self.rich.height))
            y = self.rect.y + int((self.rect.h - h) * self.scroll / self.max_scroll)
            pygame.draw.rect(surface, self.bar_colour, (track.x, y, self.bar_w, h))
