"""Drawing colours: the 1920s poster palette and a colour-blind-safe variant.

The pygame_gui themes (assets/theme.json, assets/theme_colourblind.json) use the same colours
for widgets; this module gives them names for the art, charts and boards drawn in code.
The colour-blind palette follows Okabe & Ito (2008); charts also use dash patterns and
markers, so no information rests on colour alone.
"""
from __future__ import annotations

from dataclasses import dataclass

RGB = tuple[int, int, int]


def hex_rgb(text: str) -> RGB:
    text = text.lstrip("#")
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)


@dataclass(frozen=True)
class Palette:
    name: str
    paper: RGB          # the page
    paper_dark: RGB     # shaded paper, panels
    paper_light: RGB    # highlights, faces
    ink: RGB            # text and heavy forms
    ink_soft: RGB       # secondary text
    accent: RGB         # the poster red (or its safe substitute)
    accent_dark: RGB
    accent2: RGB        # second colour of the print (ochre, or blue)
    muted: RGB          # rules, disabled
    good: RGB           # gains (always paired with a + sign or an arrow)
    bad: RGB            # losses (always paired with a - sign or an arrow)
    link: RGB           # glossary terms
    series: tuple[RGB, ...]   # distinct colours for people, factions and chart lines

    def person_colour(self, index: int) -> RGB:
        return self.series[index % len(self.series)]


POSTER = Palette(
    name="poster",
    paper=hex_rgb("#ECE0C4"),
    paper_dark=hex_rgb("#D9C8A2"),
    paper_light=hex_rgb("#F6EEDC"),
    ink=hex_rgb("#1C1815"),
    ink_soft=hex_rgb("#4B4139"),
    accent=hex_rgb("#C4281C"),
    accent_dark=hex_rgb("#7C140E"),
    accent2=hex_rgb("#C9961A"),
    muted=hex_rgb("#8E836F"),
    good=hex_rgb("#2E6B45"),
    bad=hex_rgb("#B3261E"),
    link=hex_rgb("#9E1F16"),
    series=tuple(hex_rgb(c) for c in (
        "#C4281C", "#1C1815", "#C9961A", "#355C7D", "#5B7F3A", "#7D4A8E", "#8B4A2B",
        "#4F8A8B", "#D06C2A", "#6D6A62")),
)

COLOURBLIND = Palette(
    name="colourblind",
    paper=hex_rgb("#F2EBDA"),
    paper_dark=hex_rgb("#DCD3BE"),
    paper_light=hex_rgb("#FAF6EC"),
    ink=hex_rgb("#111111"),
    ink_soft=hex_rgb("#3D3D3D"),
    accent=hex_rgb("#D55E00"),
    accent_dark=hex_rgb("#8F3F00"),
    accent2=hex_rgb("#0072B2"),
    muted=hex_rgb("#8A8A8A"),
    good=hex_rgb("#0072B2"),
    bad=hex_rgb("#D55E00"),
    link=hex_rgb("#005A8C"),
    series=tuple(hex_rgb(c) for c in (
        "#D55E00", "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#111111",
        "#8A8A8A", "#A6761D", "#5D3A9B")),
)

# Dash patterns (on, off in pixels at scale 1) paired with series colours in charts.
DASHES = ((0, 0), (10, 5), (3, 4), (14, 4, 3, 4), (6, 6))


def get(colourblind: bool) -> Palette:
    return COLOURBLIND if colourblind else POSTER


def mix(a: RGB, b: RGB, t: float) -> RGB:
    """Blend a toward b by t (0..1)."""
    return tuple(int(round(x + (y - x) * t)) for x, y in zip(a, b))  # type: ignore[return-value]


def readable_on(bg: RGB, pal: Palette) -> RGB:
    """Ink or paper, whichever reads better on bg."""
    lum = 0.2126 * bg[0] + 0.7152 * bg[1] + 0.0722 * bg[2]
    return pal.ink if lum > 140 else pal.paper_light
