"""The game's typefaces (PT Sans, PT Sans Narrow, PT Serif; see assets/fonts/) by role.

Sizes are given in design pixels at 1280x720 with normal text; ``Fonts`` scales them by the
window and the player's text size. Display faces (headings) grow with the text size more
gently so that poster headings keep their place in the layout.
"""
from __future__ import annotations

import pygame

from game.ui.paths import FONTS

FILES = {
    "display": "PTSansNarrow-Bold.ttf",   # poster headings, buttons, numbers
    "text": "PTSans-Regular.ttf",         # body text
    "bold": "PTSans-Bold.ttf",
    "italic": "PTSans-Italic.ttf",
    "serif": "PTSerif-Regular.ttf",       # newspapers, quotations
    "serif_bold": "PTSerif-Bold.ttf",
    "serif_italic": "PTSerif-Italic.ttf",
}
HEADING_ROLES = ("display",)


def font_path(role: str) -> str:
    return str(FONTS / FILES[role])


class Fonts:
    def __init__(self, ui_scale: float = 1.0, text_scale: float = 1.0):
        self.ui_scale = ui_scale
        self.text_scale = text_scale
        self._cache: dict[tuple[str, int], pygame.font.Font] = {}

    def px(self, role: str, size: float) -> int:
        scale = self.text_scale
        if role in HEADING_ROLES:
            scale = 1.0 + (self.text_scale - 1.0) * 0.5
        return max(8, int(round(size * self.ui_scale * scale)))

    def get(self, role: str, size: float) -> pygame.font.Font:
        return self.exact(role, self.px(role, size))

    def exact(self, role: str, px: int) -> pygame.font.Font:
        key = (role, px)
        font = self._cache.get(key)
        if font is None:
            font = pygame.font.Font(font_path(role), px)
            self._cache[key] = font
        return font

    def theme_font(self, role: str, size: float) -> pygame.font.Font:
        """The font pygame_gui uses for a theme size (scaled fully by the text size)."""
        return self.exact(role, max(8, int(round(size * self.ui_scale * self.text_scale))))

    def fit(self, role: str, size: float, text: str, width: int, min_px: int = 10):
        """The largest font of this role, at most ``size``, in which ``text`` fits ``width``."""
        px = self.px(role, size)
        while px > min_px:
            font = self.exact(role, px)
            if font.size(text)[0] <= width:
                return font
            px -= max(1, px // 12)
        return self.exact(role, min_px)
