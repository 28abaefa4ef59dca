"""A very small SVG writer for the report's charts (no dependency; output is deterministic).

Coordinates are rounded to a tenth of a pixel so the same numbers give the same file.
"""
from __future__ import annotations

import math
from html import escape

CREAM = "#F4ECD8"
PAPER = "#FBF6EA"
RED = "#B22222"
INK = "#1A1A1A"
GREY = "#8A8275"
RULE = "#D8CCB0"
FONT = "'PT Sans', 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif"
SERIF = "'PT Serif', 'DejaVu Serif', Georgia, serif"

# One colour per outcome, in outcome order: the first two are the poster's red and black.
SERIES_COLOURS = ("#B22222", "#1A1A1A", "#C8962E", "#3F5A6E", "#6E7F3A", "#7A1F5C",
                  "#8C5A2B", "#2F7F7A", "#B5651D", "#55505A")
COLLAPSE = "#A39A88"


# The poster's convention for the main figures (any other leader takes the next free colour).
PREFERRED = {"stalin": "#B22222", "trotsky": "#1A1A1A", "zinoviev": "#C8962E",
             "kamenev": "#3F5A6E", "bukharin": "#6E7F3A", "lenin": "#7A1F5C",
             "rykov": "#8C5A2B", "tomsky": "#2F7F7A"}


def outcome_colour(outcomes, oid: str) -> str:
    """The same leader has the same colour in every chart of a study."""
    if oid == "collapse":
        return COLLAPSE
    if oid in PREFERRED:
        return PREFERRED[oid]
    taken = {PREFERRED[o] for o in outcomes if o in PREFERRED}
    free = [c for c in SERIES_COLOURS if c not in taken] or list(SERIES_COLOURS)
    others = [o for o in outcomes if o not in PREFERRED and o != "collapse"]
    i = others.index(oid) if oid in others else len(others)
    return free[i % len(free)]


def n(v: float) -> str:
    """A coordinate as short deterministic text."""
    r = round(float(v), 1)
    if r == int(r):
        return str(int(r))
    return f"{r:.1f}"


class Svg:
    def __init__(self, width: int, height: int, title: str = ""):
        self.w, self.h = width, height
        self.parts: list[str] = []
        self.title = title

    def add(self, text: str) -> None:
        self.parts.append(text)

    def rect(self, x, y, w, h, fill, stroke="none", sw=1.0, opacity=1.0, rx=0) -> None:
        op = f' fill-opacity="{opacity:g}"' if opacity < 1 else ""
        r = f' rx="{n(rx)}"' if rx else ""
        st = f' stroke="{stroke}" stroke-width="{n(sw)}"' if stroke != "none" else ""
        self.add(f'<rect x="{n(x)}" y="{n(y)}" width="{n(max(w, 0))}" height="{n(max(h, 0))}"'
                 f' fill="{fill}"{op}{st}{r}/>')

    def line(self, x1, y1, x2, y2, stroke=INK, sw=1.0, dash: str = "", opacity=1.0) -> None:
        d = f' stroke-dasharray="{dash}"' if dash else ""
        op = f' stroke-opacity="{opacity:g}"' if opacity < 1 else ""
        self.add(f'<line x1="{n(x1)}" y1="{n(y1)}" x2="{n(x2)}" y2="{n(y2)}" stroke="{stroke}"'
                 f' stroke-width="{n(sw)}"{d}{op}/>')

    def circle(self, x, y, r, fill, stroke="none", sw=1.0) -> None:
        st = f' stroke="{stroke}" stroke-width="{n(sw)}"' if stroke != "none" else ""
        self.add(f'<circle cx="{n(x)}" cy="{n(y)}" r="{n(r)}" fill="{fill}"{st}/>')

    def polyline(self, pts, stroke, sw=2.0, dash: str = "") -> None:
        d = f' stroke-dasharray="{dash}"' if dash else ""
        self.add(f'<polyline points="{" ".join(f"{n(x)},{n(y)}" for x, y in pts)}" fill="none"'
                 f' stroke="{stroke}" stroke-width="{n(sw)}" stroke-linejoin="round"{d}/>')

    def polygon(self, pts, fill, opacity=1.0) -> None:
        op = f' fill-opacity="{opacity:g}"' if opacity < 1 else ""
        self.add(f'<polygon points="{" ".join(f"{n(x)},{n(y)}" for x, y in pts)}"'
                 f' fill="{fill}"{op}/>')

    def text(self, x, y, s: str, size=14, anchor="start", weight="normal", fill=INK,
             italic=False, family=FONT) -> None:
        it = ' font-style="italic"' if italic else ""
        wt = f' font-weight="{weight}"' if weight != "normal" else ""
        an = f' text-anchor="{anchor}"' if anchor != "start" else ""
        fam = "" if family == FONT else f' font-family="{family}"'
        self.add(f'<text x="{n(x)}" y="{n(y)}" font-size="{size}"{an}{wt}{it}{fam}'
                 f' fill="{fill}">{escape(s)}</text>')

    def render(self) -> str:
        head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{self.w}" height="{self.h}" '
                f'viewBox="0 0 {self.w} {self.h}" font-family="{FONT}" role="img">\n')
        title = f"<title>{escape(self.title)}</title>\n" if self.title else ""
        bg = f'<rect width="{self.w}" height="{self.h}" fill="{CREAM}"/>\n'
        return head + title + bg + "\n".join(self.parts) + "\n</svg>\n"


def nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    """Round tick values covering lo..hi (about ``count`` of them)."""
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return [0.0, 1.0]
    if hi <= lo:
        hi = lo + (abs(lo) or 1.0)
    raw = (hi - lo) / max(count, 1)
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    start = math.floor(lo / step) * step
    ticks, t = [], start
    while t <= hi + step * 0.5:
        ticks.append(round(t, 10))
        t += step
        if t > hi + 1e-9 and ticks[-1] >= hi:
            break
    return ticks


def tick_label(v: float) -> str:
    if abs(v) >= 100 or v == int(v):
        return f"{v:.0f}"
    return f"{v:g}"


def text_width(s: str, size: float) -> float:
    """A rough width for layout (sans-serif averages about 0.53 em a character)."""
    return len(s) * size * 0.53
