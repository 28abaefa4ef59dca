"""Load the pygame_gui theme for the current settings.

assets/theme.json is the poster theme; assets/theme_colourblind.json holds only the colours that
differ and is merged over it. Font paths in the files are relative to assets/ and sizes are
design pixels at 1280x720 with normal text: both are resolved here, so one file serves every
window size and text size.
"""
from __future__ import annotations

import copy
import json
from functools import lru_cache

from game.ui.paths import ASSETS

FONT_PATH_KEYS = ("regular_path", "bold_path", "italic_path", "bold_italic_path")
SCALED_MISC = ("rect_width", "border_width", "text_horiz_alignment_padding")


@lru_cache(maxsize=4)
def _read(name: str) -> dict:
    return json.loads((ASSETS / name).read_text(encoding="utf-8"))


def merge(base: dict, over: dict) -> dict:
    """Recursive merge of mappings; values in ``over`` win."""
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


def _scale_int(text, factor: float, minimum: int = 0) -> str:
    value = int(float(text))
    if value == 0:
        return "0"
    return str(max(minimum, int(round(value * factor))))


def build_theme(colourblind: bool, text_scale: float, ui_scale: float) -> dict:
    """The theme as a dict ready for ``pygame_gui.UIManager``."""
    theme = copy.deepcopy(_read("theme.json"))
    if colourblind:
        theme = merge(theme, _read("theme_colourblind.json"))
    for element in theme.values():
        if not isinstance(element, dict):
            continue
        font = element.get("font")
        if isinstance(font, dict):
            for key in FONT_PATH_KEYS:
                if key in font:
                    font[key] = str(ASSETS / font[key])
            if "size" in font:
                font["size"] = _scale_int(font["size"], text_scale * ui_scale, 8)
        misc = element.get("misc")
        if isinstance(misc, dict):
            for key in SCALED_MISC:
                if key in misc:
                    misc[key] = _scale_int(misc[key], ui_scale, 1)
    return theme
