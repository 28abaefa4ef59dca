"""The schematic board of the party apparatus: regional organisations on a poster map.

Each organisation is a node placed at its scenario position (0..1 on both axes). A line runs
from the centre (the capital's node) to each node in the colour of the secretary's patron:
the General Secretary's wires, drawn as wires. The node's ring shows whose man the secretary
is, the filled arc his loyalty, the disc's size the membership.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Optional

import pygame

from game.ui.palette import Palette, mix

# A stylised, angular outline of the Union (x: west to east, y: north to south).
LAND = [(0.02, 0.34), (0.07, 0.22), (0.13, 0.26), (0.16, 0.14), (0.25, 0.10), (0.33, 0.16),
        (0.42, 0.08), (0.55, 0.04), (0.66, 0.09), (0.78, 0.05), (0.90, 0.12), (0.99, 0.10),
        (0.97, 0.30), (0.92, 0.42), (0.95, 0.58), (0.86, 0.66), (0.80, 0.60), (0.70, 0.72),
        (0.57, 0.74), (0.47, 0.86), (0.36, 0.88), (0.27, 0.97), (0.19, 0.92), (0.12, 0.96),
        (0.10, 0.82), (0.05, 0.78), (0.06, 0.62), (0.01, 0.52)]


@dataclass(frozen=True)
class RegionMark:
    id: str
    name: str
    pos: tuple[float, float]
    members: float                  # thousands
    colour: tuple[int, int, int]    # the secretary's patron's colour (muted if local)
    loyalty: float                  # 0..1
    caption: str = ""               # e.g. the patron's name
    capital: bool = False
    highlight: bool = False


def board_point(rect: pygame.Rect, pos: tuple[float, float], pad: float = 0.06) -> tuple[int, int]:
    x = rect.x + rect.w * (pad + (1 - 2 * pad) * pos[0])
    y = rect.y + rect.h * (pad + (1 - 2 * pad) * pos[1])
    return int(x), int(y)


def draw_board(surface: pygame.Surface, rect: pygame.Rect, marks: list[RegionMark], pal: Palette,
               name_font: pygame.font.Font, small_font: pygame.font.Font,
               hover: Optional[str] = None) -> dict[str, pygame.Rect]:
    """Draw the board into rect; returns each region's hit rectangle."""
    u = max(1, rect.h // 240)
    land = [board_point(rect, p, 0.02) for p in LAND]
    pygame.draw.polygon(surface, mix(pal.paper, pal.paper_dark, 0.8), land)
    for i in range(1, 8):
        x = rect.x + rect.w * i / 8
        pygame.draw.line(surface, mix(pal.paper_dark, pal.muted, 0.35), (x - rect.h * 0.25, rect.bottom),
                         (x + rect.h * 0.25, rect.top), 1)
    pygame.draw.polygon(surface, pal.ink, land, max(2, u * 2))
    if not marks:
        return {}
    top = max(m.members for m in marks) or 1.0
    radius = {m.id: max(5 * u, int(rect.h * 0.048 * math.sqrt(max(m.members, 0.0) / top))) for m in marks}
    centre = next((m for m in marks if m.capital), None)
    points = {m.id: board_point(rect, m.pos) for m in marks}
    if centre is not None:
        c = points[centre.id]
        for m in marks:
            if m is centre:
                continue
            width = max(1, int(u * (1 + 3 * m.loyalty)))
            _wire(surface, m.colour, c, points[m.id], width, solid=m.loyalty >= 0.5)
    nodes = {m.id: pygame.Rect(0, 0, 2 * radius[m.id] + 4 * u, 2 * radius[m.id] + 4 * u) for m in marks}
    for m in marks:
        nodes[m.id].center = points[m.id]
    for m in marks:
        _node(surface, m, points[m.id], radius[m.id], pal, hover == m.id or m.highlight, u)
    placed: list[pygame.Rect] = []
    hits: dict[str, pygame.Rect] = {}
    for m in sorted(marks, key=lambda m: (m.id != hover, not m.capital, -m.members)):
        lit = hover == m.id or m.highlight
        hits[m.id] = nodes[m.id].union(_label(surface, m, points[m.id], radius[m.id], rect, pal, name_font,
                                              small_font, lit, u, placed, [r for k, r in nodes.items() if k != m.id]))
    return hits


def short_label(name: str) -> str:
    """A region's name short enough for the board: no parenthesis, no 'Party organisation of'."""
    n = re.sub(r"\s*\([^)]*\)", "", name).strip()
    n = re.sub(r"^Party organisation of (the )?", "", n)
    if len(n) > 16 and " and " in n:
        n = n.split(" and ")[0]
    return re.sub(r" Region$", "", n) or name


def _wire(surface, colour, a, b, width, solid: bool) -> None:
    if solid:
        pygame.draw.line(surface, colour, a, b, width)
        return
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy) or 1
    step = 10 + width * 2
    for i in range(0, int(length), step):
        t0, t1 = i / length, min(1.0, (i + step * 0.55) / length)
        pygame.draw.line(surface, colour, (a[0] + dx * t0, a[1] + dy * t0), (a[0] + dx * t1, a[1] + dy * t1), width)


def _node(surface, m: RegionMark, p, r, pal: Palette, lit: bool, u: int) -> None:
    ring = max(2, r // 4)
    if lit:
        pygame.draw.circle(surface, pal.accent2, p, r + ring + 3 * u)
    pygame.draw.circle(surface, pal.ink, p, r + ring // 2 + u)
    pygame.draw.circle(surface, m.colour, p, r + ring // 2)
    pygame.draw.circle(surface, pal.paper_light, p, r - ring // 2)
    if m.loyalty > 0:
        _pie(surface, mix(m.colour, pal.paper_light, 0.25), p, r - ring // 2 - u, m.loyalty)
    if m.capital:
        from game.ui.art import star
        star(surface, p, r * 0.75, pal.accent, pal.ink, max(1, u))


def _label(surface, m: RegionMark, p, r, area: pygame.Rect, pal: Palette, name_font, small_font, lit: bool,
           u: int, placed: list, nodes: list) -> pygame.Rect:
    from game.ui.text import render
    img = render(name_font, short_label(m.name), pal.paper_light if lit else pal.ink)
    cap = render(small_font, m.caption, pal.ink_soft) if (m.caption and lit) else None
    w = max(img.get_width(), cap.get_width() if cap else 0) + 6 * u
    h = img.get_height() + (cap.get_height() if cap else 0) + 2 * u
    gap = r + 4 * u
    best, best_cost = None, None
    for ring in (1.0, 1.8, 2.6):
        d = gap * ring
        spots = [(p[0] - w // 2, p[1] + d), (p[0] - w // 2, p[1] - d - h), (p[0] + d, p[1] - h // 2),
                 (p[0] - d - w, p[1] - h // 2), (p[0] + d * 0.7, p[1] + d * 0.5), (p[0] - d * 0.7 - w, p[1] + d * 0.5),
                 (p[0] + d * 0.7, p[1] - d * 0.5 - h), (p[0] - d * 0.7 - w, p[1] - d * 0.5 - h)]
        for n, (x, y) in enumerate(spots):
            cand = pygame.Rect(int(x), int(y), w, h)
            if not area.contains(cand):
                cand = cand.clamp(area)
            cost = sum(_overlap(cand, o) for o in placed) + 2 * sum(_overlap(cand, o) for o in nodes)
            cost += (ring - 1.0) * w * h * 0.05 + n
            if best_cost is None or cost < best_cost:
                best, best_cost = cand, cost
        if best_cost is not None and best_cost < w * h * 0.01:
            break
    box = best
    placed.append(box)
    pygame.draw.rect(surface, pal.ink if lit else pal.paper_light, box)
    pygame.draw.rect(surface, pal.ink, box, 1)
    surface.blit(img, img.get_rect(midtop=(box.centerx, box.y + u)))
    if cap:
        surface.blit(cap, cap.get_rect(midtop=(box.centerx, box.y + u + img.get_height())))
    return box


def _overlap(a: pygame.Rect, b: pygame.Rect) -> int:
    c = a.clip(b)
    return c.w * c.h


def _pie(surface, colour, centre, r, share: float) -> None:
    share = max(0.0, min(1.0, share))
    if share >= 0.999:
        pygame.draw.circle(surface, colour, centre, r)
        return
    steps = max(3, int(48 * share))
    pts = [centre]
    for i in range(steps + 1):
        a = -math.pi / 2 + 2 * math.pi * share * i / steps
        pts.append((centre[0] + r * math.cos(a), centre[1] + r * math.sin(a)))
    pygame.draw.polygon(surface, colour, pts)
