"""Art drawn in code in the manner of the 1920s posters: paper, wedges, circles, stars, rays.

Everything is generated, deterministic and cached per size and palette; nothing is loaded from
image files. Portraits live in art_portraits.py and the regional board in art_board.py (both
re-exported here).
"""
from __future__ import annotations

import math

import numpy as np
import pygame

from game.ui.palette import Palette, mix

_CACHE: dict[tuple, pygame.Surface] = {}
_CACHE_LIMIT = 24


def _cached(key: tuple, make) -> pygame.Surface:
    surf = _CACHE.get(key)
    if surf is None:
        if len(_CACHE) >= _CACHE_LIMIT:
            _CACHE.pop(next(iter(_CACHE)))
        surf = make()
        _CACHE[key] = surf
    return surf


def clear_cache() -> None:
    _CACHE.clear()


# --- primitives -------------------------------------------------------------------------------

def star_points(cx: float, cy: float, r: float, rotation: float = -90.0, inner: float = 0.382):
    pts = []
    for i in range(10):
        rad = r if i % 2 == 0 else r * inner
        a = math.radians(rotation + i * 36)
        pts.append((cx + rad * math.cos(a), cy + rad * math.sin(a)))
    return pts


def polygon(surface: pygame.Surface, colour, points, width: int = 0) -> None:
    """A filled polygon with anti-aliased edges (or an outline of the given width)."""
    if width:
        pygame.draw.polygon(surface, colour, points, width)
        return
    pygame.draw.polygon(surface, colour, points)
    pygame.draw.aalines(surface, colour, True, points)


def star(surface: pygame.Surface, centre, r: float, colour, outline=None, outline_w: int = 0,
         rotation: float = -90.0) -> None:
    pts = star_points(centre[0], centre[1], r, rotation)
    polygon(surface, colour, pts)
    if outline is not None and outline_w:
        pygame.draw.polygon(surface, outline, pts, outline_w)


def circle(surface: pygame.Surface, colour, centre, r: float, width: int = 0) -> None:
    cx, cy = int(round(centre[0])), int(round(centre[1]))
    rr = max(1, int(round(r)))
    pygame.draw.circle(surface, colour, (cx, cy), rr, width)
    if hasattr(pygame.draw, "aacircle") and not width:
        pygame.draw.aacircle(surface, colour, (cx, cy), rr)


def rays(surface: pygame.Surface, centre, radius: float, count: int, colour,
         start: float = 0.0, end: float = 360.0) -> None:
    """Alternate wedges of a sunburst between angles start and end (degrees)."""
    step = (end - start) / (count * 2)
    cx, cy = centre
    for i in range(count):
        a0 = math.radians(start + 2 * i * step)
        a1 = math.radians(start + (2 * i + 1) * step)
        pts = [(cx, cy), (cx + radius * math.cos(a0), cy + radius * math.sin(a0)),
               (cx + radius * math.cos(a1), cy + radius * math.sin(a1))]
        polygon(surface, colour, pts)


def band(surface: pygame.Surface, colour, p0, p1, thickness: float) -> None:
    """A straight band of the given thickness from p0 to p1 (a poster stripe)."""
    dx, dy = p1[0] - p0[0], p1[1] - p0[1]
    length = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / length * thickness / 2, dx / length * thickness / 2
    polygon(surface, colour, [(p0[0] + nx, p0[1] + ny), (p1[0] + nx, p1[1] + ny),
                              (p1[0] - nx, p1[1] - ny), (p0[0] - nx, p0[1] - ny)])


def dashed_line(surface, colour, p0, p1, width=1, dash=(8, 5)) -> None:
    if not dash or dash[0] == 0:
        pygame.draw.line(surface, colour, p0, p1, width)
        return
    dx, dy = p1[0] - p0[0], p1[1] - p0[1]
    length = math.hypot(dx, dy)
    if length == 0:
        return
    ux, uy = dx / length, dy / length
    pos, i = 0.0, 0
    while pos < length:
        seg = dash[i % len(dash)]
        if i % 2 == 0:
            end = min(length, pos + seg)
            pygame.draw.line(surface, colour, (p0[0] + ux * pos, p0[1] + uy * pos),
                             (p0[0] + ux * end, p0[1] + uy * end), width)
        pos += seg
        i += 1


# --- paper ------------------------------------------------------------------------------------

def paper(size: tuple[int, int], pal: Palette, seed: int = 1922) -> pygame.Surface:
    """Cream poster paper: faint fibres, mottling and a darker edge, deterministic."""
    return _cached(("paper", size, pal.name, seed), lambda: _make_paper(size, pal, seed))


def _make_paper(size, pal: Palette, seed: int) -> pygame.Surface:
    w, h = size
    rng = np.random.default_rng(seed)
    base = np.array(pal.paper, dtype=np.float32)
    # low-frequency mottling: coarse noise scaled up smoothly
    coarse = rng.normal(0, 1, (max(2, w // 64), max(2, h // 64))).astype(np.float32)
    small = pygame.surfarray.make_surface(np.repeat(((coarse * 20 + 128).clip(0, 255)).astype(np.uint8)[:, :, None], 3, axis=2))
    mottle = pygame.surfarray.array3d(pygame.transform.smoothscale(small, (w, h)))[:, :, 0].astype(np.float32) - 128
    grain = rng.normal(0, 3.2, (w, h)).astype(np.float32)
    xs = np.linspace(-1, 1, w, dtype=np.float32)[:, None]
    ys = np.linspace(-1, 1, h, dtype=np.float32)[None, :]
    vignette = -10 * (xs ** 2 + ys ** 2) ** 1.5
    shade = mottle * 0.35 + grain + vignette
    img = base[None, None, :] + shade[:, :, None] * np.array([1.0, 0.95, 0.85], dtype=np.float32)
    surf = pygame.surfarray.make_surface(img.clip(0, 255).astype(np.uint8))
    return surf.convert() if pygame.display.get_surface() else surf


# --- compositions -----------------------------------------------------------------------------

def background(kind: str, size: tuple[int, int], pal: Palette) -> pygame.Surface:
    """A full-screen poster background. kind: 'title', 'panel', 'night' (dark, for overlays)."""
    return _cached(("bg", kind, size, pal.name), lambda: COMPOSITIONS[kind](size, pal))


def _title(size, pal: Palette) -> pygame.Surface:
    w, h = size
    surf = paper(size, pal).copy()
    u = min(w / 1280, h / 720)
    # sunburst from below the right edge
    rays(surf, (w * 0.78, h * 1.10), max(w, h) * 1.2, 15, mix(pal.paper, pal.paper_dark, 0.8), 180, 360)
    # the black circle, a small cream moon in it, and the red wedge that pierces it
    cx, cy, r = w * 0.70, h * 0.44, h * 0.31
    circle(surf, pal.ink, (cx, cy), r)
    circle(surf, pal.paper_light, (cx + r * 0.42, cy - r * 0.40), r * 0.16)
    tip = (cx + r * 0.18, cy - r * 0.06)
    polygon(surf, pal.accent, [(w * 0.355, h * 0.70), tip, (w * 0.42, h * 0.86)])
    polygon(surf, pal.accent_dark, [(w * 0.42, h * 0.86), tip, (w * 0.405, h * 0.83)])
    # thin rules crossing the whole composition
    for i in range(3):
        off = i * 12 * u
        pygame.draw.line(surf, pal.ink, (w * 0.46 + off, h * 1.02), (w * 1.0 + off, h * 0.02), max(1, int(2 * u)))
    # a red bar along the foot, and a star, upper right
    band(surf, pal.accent, (w * 0.55, h * 0.985), (w * 1.05, h * 0.985), 16 * u)
    star(surf, (w * 0.925, h * 0.14), 50 * u, pal.accent, pal.ink, max(2, int(4 * u)), rotation=-72)
    return surf


def _panel(size, pal: Palette) -> pygame.Surface:
    w, h = size
    surf = paper(size, pal).copy()
    u = min(w / 1280, h / 720)
    rays(surf, (w * 1.02, h * 1.02), max(w, h) * 0.9, 10, mix(pal.paper, pal.paper_dark, 0.55), 180, 270)
    circle(surf, mix(pal.paper, pal.paper_dark, 0.9), (w * 0.96, h * 0.30), h * 0.30)
    band(surf, pal.accent, (w * 0.70, h * 1.05), (w * 1.05, h * 0.62), 34 * u)
    band(surf, pal.ink, (w * 0.76, h * 1.05), (w * 1.05, h * 0.70), 5 * u)
    return surf


def _night(size, pal: Palette) -> pygame.Surface:
    w, h = size
    surf = pygame.Surface(size)
    surf.fill(pal.ink)
    u = min(w / 1280, h / 720)
    rays(surf, (w * 0.5, h * 1.1), max(w, h) * 1.2, 18, mix(pal.ink, pal.accent_dark, 0.35), 180, 360)
    circle(surf, pal.accent_dark, (w * 0.5, h * 1.1), h * 0.45)
    star(surf, (w * 0.5, h * 0.86), 60 * u, pal.accent, None)
    return surf


COMPOSITIONS = {"title": _title, "panel": _panel, "night": _night}


def dim(surface: pygame.Surface, colour=(0, 0, 0), alpha: int = 150) -> None:
    veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    veil.fill((*colour, alpha))
    surface.blit(veil, (0, 0))


# re-exports
from game.ui.art_portraits import portrait, PORTRAIT_STYLES  # noqa: E402,F401
from game.ui.art_board import draw_board, RegionMark  # noqa: E402,F401
