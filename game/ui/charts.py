"""Line charts drawn by hand: every series has a colour and a dash pattern and a label, so
no line is told apart by colour alone."""
from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui import art
from game.ui.palette import DASHES
from game.ui.text import blit


@dataclass(frozen=True)
class Series:
    label: str
    values: list[float]
    colour: tuple[int, int, int]
    dash: int = 0             # index into palette.DASHES


def nice_range(values: list[float], floor: float | None = None) -> tuple[float, float]:
    lo, hi = min(values), max(values)
    if floor is not None:
        lo = min(lo, floor)
    if hi - lo < 1e-6:
        hi += 1
        lo -= 1
    pad = (hi - lo) * 0.08
    return lo - pad, hi + pad


def gridlines(plot_h: float, font: pygame.font.Font) -> int:
    """How many intervals the value axis is split into: four, fewer where the plot is too short
    for five labels of this font to stand apart (large text on a small window)."""
    return max(1, min(4, int(plot_h // (font.get_linesize() * 1.1))))


def line_chart(surface: pygame.Surface, rect: pygame.Rect, series: list[Series], labels: list[str],
               app, reference: float | None = None, title: str = "") -> None:
    pal, u, fonts = app.pal, app.u, app.fonts
    small = fonts.get("text", 12)
    pygame.draw.rect(surface, pal.paper, rect)
    pygame.draw.rect(surface, pal.ink, rect, 1)
    top = rect.y + u(6)
    if title:
        r = blit(surface, fonts.get("display", 16), title.upper(), pal.ink, (rect.x + u(8), top), max_width=rect.w - u(16))
        top = r.bottom + u(2)
    legend_h = small.get_linesize() + u(4)
    plot = pygame.Rect(rect.x + u(44), top + u(4), rect.w - u(56), rect.bottom - top - legend_h - small.get_linesize() - u(12))
    if plot.w < 20 or plot.h < 20:
        return
    values = [v for s in series for v in s.values] + ([reference] if reference is not None else [])
    if not values:
        return
    lo, hi = nice_range(values)
    y_of = lambda v: plot.bottom - (v - lo) / (hi - lo) * plot.h          # noqa: E731
    n = max(len(s.values) for s in series)
    x_of = lambda i: plot.x + (i / max(1, n - 1)) * plot.w                 # noqa: E731
    parts = gridlines(plot.h, small)
    for k in range(parts + 1):
        v = lo + (hi - lo) * k / parts
        y = y_of(v)
        pygame.draw.line(surface, pal.paper_dark, (plot.x, y), (plot.right, y), 1)
        blit(surface, small, f"{v:.0f}" if hi - lo >= 8 else f"{v:.1f}", pal.ink_soft, (plot.x - u(4), y), "midright")
    if reference is not None:
        art.dashed_line(surface, pal.muted, (plot.x, y_of(reference)), (plot.right, y_of(reference)), 1, (4, 4))
    pygame.draw.line(surface, pal.ink, plot.bottomleft, plot.bottomright, 1)
    if labels:
        step = max(1, len(labels) // 6)
        last_right = -10 ** 6
        for i in range(0, len(labels), step):
            w = small.size(labels[i])[0]
            left = max(plot.x, min(int(x_of(i)) - w // 2, rect.right - u(4) - w))
            if left < last_right + u(8):
                continue
            blit(surface, small, labels[i], pal.ink_soft, (left, plot.bottom + u(2)))
            last_right = left + w
    width = max(2, u(3))
    for s in series:
        pts = [(x_of(i), y_of(v)) for i, v in enumerate(s.values)]
        dash = tuple(d * max(1, u(1)) for d in DASHES[s.dash % len(DASHES)])
        for a, b in zip(pts, pts[1:]):
            art.dashed_line(surface, s.colour, a, b, width, dash)
        if pts:
            pygame.draw.circle(surface, s.colour, (int(pts[-1][0]), int(pts[-1][1])), width + 1)
    x = plot.x
    y = rect.bottom - legend_h
    for s in series:
        dash = tuple(d * max(1, u(1)) for d in DASHES[s.dash % len(DASHES)])
        art.dashed_line(surface, s.colour, (x, y + legend_h // 2), (x + u(26), y + legend_h // 2), width, dash)
        r = blit(surface, small, s.label, pal.ink, (x + u(30), y + legend_h // 2), "midleft")
        x = r.right + u(14)
