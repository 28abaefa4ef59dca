"""Stylised portraits: geometric silhouettes in the poster manner, never photographs.

Each leader is built from a few flat shapes (hair mass, beard, glasses, dress) on a diagonal
colour field, with his initials on a badge. The shapes are art, not rules: a person the table
does not know gets a plain silhouette varied by a hash of his id.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np
import pygame

from game.ui.fonts import font_path as default_font_path
from game.ui.palette import Palette, mix

SS = 4  # supersampling factor


@dataclass(frozen=True)
class Style:
    hair: str = "short"        # bald, swept, bushy, curly, receding, short, wavy
    beard: str = "none"        # none, goatee, pointed, moustache, full, small_goatee, toothbrush
    glasses: str = "none"      # none, round, pince_nez
    dress: str = "suit"        # suit, tunic, coat, shirt
    colour: int = 0            # index into the palette's series


PORTRAIT_STYLES: dict[str, Style] = {
    "lenin": Style("bald", "goatee", "none", "suit", 0),
    "trotsky": Style("bushy", "pointed", "round", "coat", 3),
    "stalin": Style("swept", "moustache", "none", "tunic", 2),
    "zinoviev": Style("curly", "none", "none", "suit", 4),
    "kamenev": Style("wavy", "full", "pince_nez", "suit", 5),
    "bukharin": Style("receding", "small_goatee", "none", "shirt", 6),
    "rykov": Style("short", "full", "round", "suit", 7),
    "tomsky": Style("short", "toothbrush", "none", "shirt", 8),
    "molotov": Style("short", "toothbrush", "pince_nez", "suit", 9),
    "dzerzhinsky": Style("short", "pointed", "none", "tunic", 1),
    "kuibyshev": Style("wavy", "none", "none", "tunic", 8),
    "ordzhonikidze": Style("wavy", "moustache", "none", "tunic", 6),
    "kalinin": Style("short", "small_goatee", "round", "shirt", 4),
    "krupskaya": Style("wavy", "none", "none", "shirt", 5),
    "frunze": Style("short", "full", "none", "tunic", 3),
}


def style_for(person_id: str) -> Style:
    if person_id in PORTRAIT_STYLES:
        return PORTRAIT_STYLES[person_id]
    h = hashlib.sha1(person_id.encode()).digest()
    return Style(("short", "wavy", "receding", "swept")[h[0] % 4],
                 ("none", "moustache", "toothbrush", "full", "none")[h[1] % 5],
                 ("none", "none", "none", "round", "pince_nez")[h[2] % 5],
                 ("suit", "tunic", "shirt")[h[3] % 3], h[4] % 10)


_CACHE: dict[tuple, pygame.Surface] = {}


def portrait(person_id: str, size: int, pal: Palette, initials: str = "", state: str = "",
             font_path: str | None = None, colour_index: int | None = None) -> pygame.Surface:
    """A square portrait card. state: '' (active), 'dead', 'fallen' (lost his posts)."""
    key = (person_id, size, pal.name, initials, state, colour_index)
    surf = _CACHE.get(key)
    if surf is None:
        if len(_CACHE) > 256:
            _CACHE.clear()
        surf = _make(person_id, size, pal, initials, state, font_path, colour_index)
        _CACHE[key] = surf
    return surf


def _make(person_id, size, pal, initials, state, font_path, colour_index) -> pygame.Surface:
    st = style_for(person_id)
    colour = pal.person_colour(st.colour if colour_index is None else colour_index)
    big = pygame.Surface((size * SS, size * SS), pygame.SRCALPHA)
    _Drawer(big, pal, colour, st).draw()
    surf = pygame.transform.smoothscale(big, (size, size))
    if state in ("dead", "fallen"):
        _desaturate(surf, 0.85 if state == "dead" else 0.55)
    border = max(2, size // 36)
    pygame.draw.rect(surf, pal.ink, surf.get_rect(), border)
    if state == "dead":
        pts = [(size * 0.62, 0), (size, 0), (size, size * 0.38)]
        pygame.draw.polygon(surf, pal.ink, pts)
    elif state == "fallen":
        pygame.draw.line(surf, pal.accent, (0, size), (size, 0), max(3, size // 14))
    if initials:
        _badge(surf, initials, pal, colour, font_path)
    return surf


def _desaturate(surf: pygame.Surface, amount: float) -> None:
    px = pygame.surfarray.pixels3d(surf)
    grey = px.mean(axis=2, keepdims=True)
    px[:] = (px * (1 - amount) + grey * amount).astype(np.uint8)
    del px


def _badge(surf: pygame.Surface, initials: str, pal: Palette, colour, font_path) -> None:
    size = surf.get_width()
    r = max(8, int(size * 0.14))
    cx, cy = int(size * 0.04) + r, size - int(size * 0.04) - r
    pygame.draw.circle(surf, pal.ink, (cx, cy), r)
    pygame.draw.circle(surf, pal.accent if colour != pal.accent else pal.accent2, (cx, cy), r - max(1, r // 7))
    if not pygame.font.get_init():
        pygame.font.init()
    font = pygame.font.Font(font_path or default_font_path("display"), max(8, int(r * 1.05)))
    img = font.render(initials[:3].upper(), True, pal.paper_light)
    if img.get_width() > r * 1.7:
        img = pygame.transform.smoothscale(img, (int(r * 1.7), int(img.get_height() * r * 1.7 / img.get_width())))
    surf.blit(img, img.get_rect(center=(cx, cy + 1)))


class _Drawer:
    """Draws one portrait on a supersampled surface in unit coordinates."""

    def __init__(self, surf: pygame.Surface, pal: Palette, colour, st: Style):
        self.s, self.pal, self.colour, self.st = surf, pal, colour, st
        self.n = surf.get_width()
        self.ink = pal.ink
        self.face = pal.paper_light
        self.shadow = mix(pal.paper_light, colour, 0.45)

    def p(self, x: float, y: float) -> tuple[int, int]:
        return int(x * self.n), int(y * self.n)

    def poly(self, colour, pts) -> None:
        pygame.draw.polygon(self.s, colour, [self.p(x, y) for x, y in pts])

    def ellipse(self, colour, cx, cy, rx, ry, width: float = 0) -> None:
        rect = pygame.Rect(0, 0, int(2 * rx * self.n), int(2 * ry * self.n))
        rect.center = self.p(cx, cy)
        pygame.draw.ellipse(self.s, colour, rect, int(width * self.n))

    def line(self, colour, a, b, width: float) -> None:
        pygame.draw.line(self.s, colour, self.p(*a), self.p(*b), max(1, int(width * self.n)))

    def draw(self) -> None:
        pal = self.pal
        self.s.fill(pal.paper_dark)
        self.poly(self.colour, [(0, 0.38), (0, 1), (0.78, 1)])
        self.poly(mix(pal.paper_dark, pal.paper, 0.5), [(0.55, 0), (1, 0), (1, 0.55)])
        self.ellipse(mix(pal.paper, self.colour, 0.25), 0.5, 0.42, 0.30, 0.30)
        self.hair_back()
        self.s.fill(self.shadow, pygame.Rect(*self.p(0.45, 0.55), int(0.11 * self.n), int(0.17 * self.n)))
        self.dress()
        self.head()
        self.hair_front()
        self.features()

    def head(self) -> None:
        self.ellipse(self.face, 0.345, 0.445, 0.028, 0.048)
        self.ellipse(self.shadow, 0.655, 0.445, 0.028, 0.048)
        head = pygame.Surface(self.s.get_size(), pygame.SRCALPHA)
        rect = pygame.Rect(0, 0, int(0.31 * self.n), int(0.39 * self.n))
        rect.center = self.p(0.5, 0.42)
        pygame.draw.ellipse(head, self.face, rect)
        shade = pygame.Surface(self.s.get_size(), pygame.SRCALPHA)
        pygame.draw.ellipse(shade, self.shadow, rect)
        shade.fill((0, 0, 0, 0), pygame.Rect(0, 0, self.p(0.515, 0)[0], self.n))
        head.blit(shade, (0, 0))
        self.s.blit(head, (0, 0))

    def hair_back(self) -> None:
        ink, h = self.ink, self.st.hair
        if h == "bushy":
            for cx, cy, r in ((0.33, 0.36, 0.09), (0.67, 0.36, 0.09), (0.40, 0.24, 0.10),
                              (0.60, 0.24, 0.10), (0.5, 0.21, 0.10), (0.31, 0.47, 0.06), (0.69, 0.47, 0.06)):
                self.ellipse(ink, cx, cy, r, r)
        elif h == "curly":
            for cx, cy in ((0.36, 0.30), (0.44, 0.24), (0.53, 0.22), (0.62, 0.26), (0.67, 0.34),
                           (0.33, 0.38), (0.68, 0.42), (0.32, 0.46)):
                self.ellipse(ink, cx, cy, 0.065, 0.065)
        elif h in ("swept", "wavy"):
            self.ellipse(ink, 0.5, 0.33, 0.175, 0.15)

    def hair_front(self) -> None:
        ink, h = self.ink, self.st.hair
        if h == "bald":
            self.poly(ink, [(0.345, 0.36), (0.37, 0.33), (0.375, 0.45), (0.35, 0.47)])
            self.poly(ink, [(0.655, 0.36), (0.63, 0.33), (0.625, 0.45), (0.65, 0.47)])
            self.line(mix(self.face, (255, 255, 255), 0.6), (0.42, 0.27), (0.47, 0.25), 0.012)
        elif h == "swept":
            self.poly(ink, [(0.34, 0.40), (0.35, 0.30), (0.42, 0.24), (0.55, 0.225), (0.64, 0.26),
                            (0.665, 0.36), (0.655, 0.40), (0.62, 0.31), (0.52, 0.30), (0.40, 0.32)])
        elif h == "bushy":
            self.poly(ink, [(0.345, 0.40), (0.36, 0.29), (0.45, 0.235), (0.58, 0.24), (0.655, 0.31),
                            (0.655, 0.40), (0.60, 0.32), (0.50, 0.31), (0.42, 0.33)])
        elif h == "curly":
            for cx in (0.40, 0.47, 0.54, 0.61):
                self.ellipse(ink, cx, 0.275, 0.045, 0.04)
        elif h == "receding":
            self.poly(ink, [(0.345, 0.43), (0.35, 0.33), (0.39, 0.29), (0.40, 0.36), (0.37, 0.44)])
            self.poly(ink, [(0.655, 0.43), (0.65, 0.33), (0.61, 0.29), (0.60, 0.36), (0.63, 0.44)])
            self.poly(ink, [(0.46, 0.25), (0.5, 0.235), (0.54, 0.25), (0.5, 0.26)])
        elif h == "wavy":
            self.poly(ink, [(0.34, 0.40), (0.35, 0.29), (0.43, 0.235), (0.56, 0.23), (0.65, 0.28),
                            (0.665, 0.40), (0.63, 0.32), (0.58, 0.30), (0.53, 0.33), (0.47, 0.30), (0.41, 0.33)])
        else:  # short
            self.poly(ink, [(0.345, 0.38), (0.36, 0.28), (0.45, 0.235), (0.57, 0.235), (0.645, 0.28),
                            (0.655, 0.38), (0.62, 0.305), (0.38, 0.305)])

    def features(self) -> None:
        ink, st = self.ink, self.st
        # brows and eyes
        self.line(ink, (0.405, 0.385), (0.465, 0.378), 0.014)
        self.line(ink, (0.535, 0.378), (0.595, 0.385), 0.014)
        if st.glasses == "none":
            self.ellipse(ink, 0.44, 0.415, 0.018, 0.009)
            self.ellipse(ink, 0.56, 0.415, 0.018, 0.009)
        # nose: a hard shadow on the lit side
        self.poly(self.shadow, [(0.50, 0.40), (0.525, 0.485), (0.495, 0.49)])
        self.line(ink, (0.505, 0.488), (0.53, 0.49), 0.008)
        getattr(self, "beard_" + st.beard)()
        if st.glasses == "round":
            self.ellipse(ink, 0.44, 0.415, 0.046, 0.046, 0.011)
            self.ellipse(ink, 0.56, 0.415, 0.046, 0.046, 0.011)
            self.line(ink, (0.486, 0.41), (0.514, 0.41), 0.009)
            self.ellipse(ink, 0.44, 0.415, 0.012, 0.008)
            self.ellipse(ink, 0.56, 0.415, 0.012, 0.008)
        elif st.glasses == "pince_nez":
            self.ellipse(ink, 0.44, 0.418, 0.038, 0.03, 0.008)
            self.ellipse(ink, 0.56, 0.418, 0.038, 0.03, 0.008)
            self.line(ink, (0.478, 0.415), (0.522, 0.415), 0.007)
            self.line(ink, (0.402, 0.43), (0.37, 0.62), 0.005)
            self.ellipse(ink, 0.44, 0.418, 0.011, 0.007)
            self.ellipse(ink, 0.56, 0.418, 0.011, 0.007)
        if st.beard in ("none", "toothbrush"):
            self.line(mix(ink, self.face, 0.35), (0.465, 0.535), (0.535, 0.535), 0.009)

    # beards
    def beard_none(self) -> None:
        pass

    def beard_moustache(self) -> None:
        self.poly(self.ink, [(0.415, 0.525), (0.45, 0.497), (0.5, 0.505), (0.55, 0.497), (0.585, 0.525),
                             (0.56, 0.535), (0.5, 0.523), (0.44, 0.535)])

    def beard_toothbrush(self) -> None:
        self.poly(self.ink, [(0.475, 0.503), (0.525, 0.503), (0.53, 0.522), (0.47, 0.522)])

    def beard_goatee(self) -> None:
        self.poly(self.ink, [(0.43, 0.52), (0.47, 0.50), (0.53, 0.50), (0.57, 0.52), (0.53, 0.525), (0.47, 0.525)])
        self.poly(self.ink, [(0.39, 0.50), (0.41, 0.56), (0.46, 0.60), (0.5, 0.665), (0.54, 0.60),
                             (0.59, 0.56), (0.61, 0.50), (0.57, 0.545), (0.5, 0.555), (0.43, 0.545)])

    def beard_pointed(self) -> None:
        self.poly(self.ink, [(0.44, 0.52), (0.5, 0.505), (0.56, 0.52), (0.5, 0.53)])
        self.poly(self.ink, [(0.455, 0.565), (0.545, 0.565), (0.525, 0.62), (0.5, 0.69), (0.475, 0.62)])

    def beard_small_goatee(self) -> None:
        self.poly(self.ink, [(0.45, 0.52), (0.5, 0.508), (0.55, 0.52), (0.5, 0.528)])
        self.poly(self.ink, [(0.47, 0.57), (0.53, 0.57), (0.5, 0.625)])

    def beard_full(self) -> None:
        self.poly(self.ink, [(0.345, 0.44), (0.37, 0.55), (0.43, 0.615), (0.5, 0.645), (0.57, 0.615),
                             (0.63, 0.55), (0.655, 0.44), (0.615, 0.50), (0.56, 0.535), (0.5, 0.545),
                             (0.44, 0.535), (0.385, 0.50)])
        self.poly(self.ink, [(0.43, 0.525), (0.5, 0.50), (0.57, 0.525), (0.5, 0.535)])

    # dress
    def dress(self) -> None:
        ink, pal, d = self.ink, self.pal, self.st.dress
        body = [(0.06, 1.02), (0.12, 0.80), (0.30, 0.705), (0.70, 0.705), (0.88, 0.80), (0.94, 1.02)]
        outline = [(x, y - 0.012) for x, y in body]
        self.poly(pal.paper_light, outline)
        if d == "shirt":
            cloth = mix(ink, self.colour, 0.35)
            self.poly(cloth, body)
            self.line(ink, (0.5, 0.70), (0.5, 1.0), 0.012)
            self.line(ink, (0.44, 0.72), (0.56, 0.72), 0.02)
            return
        self.poly(ink, body)
        if d == "suit":
            self.poly(pal.paper_light, [(0.42, 0.70), (0.58, 0.70), (0.5, 0.86)])
            self.poly(self.colour if self.colour != ink else pal.accent,
                      [(0.488, 0.72), (0.512, 0.72), (0.528, 0.83), (0.5, 0.865), (0.472, 0.83)])
            self.line(mix(ink, pal.paper, 0.3), (0.42, 0.70), (0.5, 0.90), 0.01)
            self.line(mix(ink, pal.paper, 0.3), (0.58, 0.70), (0.5, 0.90), 0.01)
        elif d == "tunic":
            self.poly(mix(ink, pal.paper, 0.15), [(0.42, 0.66), (0.58, 0.66), (0.585, 0.735), (0.415, 0.735)])
            for y in (0.79, 0.87, 0.95):
                self.ellipse(pal.accent2, 0.5, y, 0.012, 0.012)
            self.line(mix(ink, pal.paper, 0.25), (0.5, 0.74), (0.5, 1.0), 0.006)
            for x in (0.30, 0.62):
                self.poly(mix(ink, pal.paper, 0.2), [(x, 0.80), (x + 0.08, 0.80), (x + 0.08, 0.835), (x, 0.835)])
        elif d == "coat":
            lapel = mix(ink, pal.paper, 0.22)
            self.poly(lapel, [(0.40, 0.705), (0.5, 0.93), (0.27, 0.98), (0.24, 0.80)])
            self.poly(lapel, [(0.60, 0.705), (0.5, 0.93), (0.73, 0.98), (0.76, 0.80)])
            self.poly(pal.paper_light, [(0.44, 0.70), (0.56, 0.70), (0.5, 0.80)])
