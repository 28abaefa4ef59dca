"""Both themes load into pygame_gui with every font found, at every text size."""
import os

import pygame
import pygame_gui
import pytest

from game.ui.settings import TEXT_SCALE
from game.ui.theme import build_theme


@pytest.mark.parametrize("colourblind", [False, True])
@pytest.mark.parametrize("text", sorted(TEXT_SCALE))
def test_theme_builds_and_loads(colourblind, text):
    theme = build_theme(colourblind, TEXT_SCALE[text], 1.5)
    for element in theme.values():
        font = element.get("font") if isinstance(element, dict) else None
        if font:
            assert os.path.isfile(font["regular_path"])
            assert int(font["size"]) >= 8
    pygame.display.init()
    pygame.font.init()          # pygame_gui loads its default font even when a theme names others
    pygame.display.set_mode((320, 200))
    manager = pygame_gui.UIManager((320, 200), theme, enable_live_theme_updates=False)
    button = pygame_gui.elements.UIButton(pygame.Rect(0, 0, 100, 30), "№ 1", manager=manager,
                                          object_id=pygame_gui.core.ObjectID(class_id="@menu"))
    manager.update(0.01)
    assert button.rect.w == 100


def test_colourblind_theme_changes_colours_not_fonts():
    a, b = build_theme(False, 1.0, 1.0), build_theme(True, 1.0, 1.0)
    assert a["defaults"]["colours"]["hovered_bg"] != b["defaults"]["colours"]["hovered_bg"]
    assert a["button"]["font"] == b["button"]["font"]
