"""Plain text helpers: wrapping, ellipsis, anchored blits. (Marked-up text: richtext.py.)"""
from __future__ import annotations

from collections import OrderedDict

import pygame

_RENDERED: "OrderedDict[tuple, tuple]" = OrderedDict()
_ELLIPSIZED: "OrderedDict[tuple, tuple]" = OrderedDict()
_LIMIT = 3000


def _remember(cache: OrderedDict, key, value) -> None:
    cache[key] = value
    if len(cache) > _LIMIT:
        cache.popitem(last=False)


def render(font: pygame.font.Font, text: str, colour) -> pygame.Surface:
    """font.render with a cache: the same words in the same font and colour are drawn once."""
    key = (id(font), text, tuple(colour))
    hit = _RENDERED.get(key)
    if hit is not None and hit[0] is font:
        _RENDERED.move_to_end(key)
        return hit[1]
    img = font.render(text, True, colour)
    _remember(_RENDERED, key, (font, img))
    return img


def wrap(font: pygame.font.Font, text: str, width: int) -> list[str]:
    """Break text into lines no wider than width; '\\n' forces a break; long words are split."""
    lines: list[str] = []
    for para in text.split("\n"):
        words = para.split(" ")
        line = ""
        for word in words:
            trial = word if not line else line + " " + word
            if font.size(trial)[0] <= width:
                line = trial
                continue
            if line:
                lines.append(line)
            while font.size(word)[0] > width and len(word) > 1:
                cut = _longest_prefix(font, word, width)
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return lines


def _longest_prefix(font: pygame.font.Font, word: str, width: int) -> int:
    lo, hi = 1, len(word)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if font.size(word[:mid])[0] <= width:
            lo = mid
        else:
            hi = mid - 1
    return lo


def ellipsize(font: pygame.font.Font, text: str, width: int) -> str:
    """The text cut with an ellipsis to fit width (binary search, cached)."""
    key = (id(font), text, width)
    hit = _ELLIPSIZED.get(key)
    if hit is not None and hit[0] is font:
        return hit[1]
    if font.size(text)[0] <= width:
        out = text
    else:
        lo, hi = 0, len(text)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if font.size(text[:mid] + "…")[0] <= width:
                lo = mid
            else:
                hi = mid - 1
        out = text[:lo].rstrip() + "…"
    _remember(_ELLIPSIZED, key, (font, out))
    return out


def blit(surface: pygame.Surface, font: pygame.font.Font, text: str, colour, pos,
         anchor: str = "topleft", max_width: int | None = None) -> pygame.Rect:
    """Render one line with its rect anchored at pos (any pygame.Rect attribute name)."""
    if max_width is not None:
        text = ellipsize(font, text, max_width)
    img = render(font, text, colour)
    rect = img.get_rect(**{anchor: pos})
    surface.blit(img, rect)
    return rect


def blit_wrapped(surface: pygame.Surface, font: pygame.font.Font, text: str, colour,
                 rect: pygame.Rect, align: str = "left", spacing: float = 1.15,
                 max_lines: int | None = None) -> int:
    """Wrap text into rect (clipped to it); returns the height used."""
    lines = wrap(font, text, rect.width)
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = ellipsize(font, lines[-1] + "…", rect.width)
    step = int(font.get_linesize() * spacing)
    y = rect.top
    for line in lines:
        if y + font.get_height() > rect.bottom:
            break
        img = font.render(line, True, colour)
        if align == "center":
            x = rect.centerx - img.get_width() // 2
        elif align == "right":
            x = rect.right - img.get_width()
        else:
            x = rect.left
        surface.blit(img, (x, y))
        y += step
    return y - rect.top


def wrapped_height(font: pygame.font.Font, text: str, width: int, spacing: float = 1.15) -> int:
    return len(wrap(font, text, width)) * int(font.get_linesize() * spacing)
