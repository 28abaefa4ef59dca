"""Small rectangle arithmetic for layouts that are rebuilt on every resize."""
from __future__ import annotations

import pygame


def inset(rect: pygame.Rect, dx: int, dy: int | None = None) -> pygame.Rect:
    dy = dx if dy is None else dy
    return pygame.Rect(rect.x + dx, rect.y + dy, max(0, rect.w - 2 * dx), max(0, rect.h - 2 * dy))


def split_h(rect: pygame.Rect, weights: list[float], gap: int = 0) -> list[pygame.Rect]:
    """Split left to right. Weights > 1 are pixels, <= 1 are shares of what remains."""
    return _split(rect, weights, gap, horizontal=True)


def split_v(rect: pygame.Rect, weights: list[float], gap: int = 0) -> list[pygame.Rect]:
    """Split top to bottom, same weights as split_h."""
    return _split(rect, weights, gap, horizontal=False)


def _split(rect, weights, gap, horizontal):
    total = rect.w if horizontal else rect.h
    total -= gap * (len(weights) - 1)
    fixed = sum(w for w in weights if w > 1)
    share = sum(w for w in weights if w <= 1) or 1.0
    free = max(0, total - fixed)
    sizes = [int(w) if w > 1 else int(free * w / share) for w in weights]
    sizes[-1] += total - sum(sizes) if any(w <= 1 for w in weights) else 0
    out, pos = [], rect.x if horizontal else rect.y
    for size in sizes:
        if horizontal:
            out.append(pygame.Rect(pos, rect.y, size, rect.h))
        else:
            out.append(pygame.Rect(rect.x, pos, rect.w, size))
        pos += size + gap
    return out


def grid(rect: pygame.Rect, cols: int, rows: int, gap: int = 0) -> list[pygame.Rect]:
    """Cells in reading order."""
    cells = []
    for row in split_v(rect, [1.0] * rows, gap):
        cells.extend(split_h(row, [1.0] * cols, gap))
    return cells
