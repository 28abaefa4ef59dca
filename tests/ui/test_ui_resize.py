"""Resizing the window lays every screen out again, with nothing off screen."""
import pygame
import pygame_gui
import pytest

from game.ui import settings as st
from game.ui.screenshots import shots
from ui_helpers import frames


def elements_inside(screen, size) -> list:
    window = pygame.Rect((0, 0), size)
    out = []
    for element in screen.manager.get_sprite_group().sprites():
        if isinstance(element, pygame_gui.core.UIElement) and element.visible and not isinstance(
                element, pygame_gui.elements.UITooltip):
            if not window.contains(element.rect):
                out.append((type(element).__name__, tuple(element.rect)))
    return out


def test_resize_relayouts_every_screen_in_the_stack(make_app):
    app = make_app()
    app.open_glossary("nep")
    frames(app)
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=1600, h=900, size=(1600, 900)))
    frames(app, 2)
    assert app.size == (1600, 900)
    assert elements_inside(app.top, app.size) == []
    app.pop()
    frames(app)
    assert app.top.buttons["quit"].rect.bottom <= 900
    assert app.top.buttons["quit"].rect.bottom > 600     # laid out for the new height


def test_resize_is_remembered(make_app):
    app = make_app()
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=1100, h=700, size=(1100, 700)))
    frames(app, 70)   # more than the save delay
    assert st.load().window == (1100, 700)


@pytest.mark.parametrize("group", ["the game", "around the game"])
def test_every_screen_fits_small_windows_and_largest_text(make_app, group):
    from game.ui.screens.scenes import setups
    around = set(setups())       # load, save, replay, debrief, lab
    app = make_app(window=(960, 600), text_size="largest")
    for name, setup in shots().items():
        if name == "end":          # plays a whole campaign; its layout is checked in test_ui_game
            continue
        if (name in around) != (group == "around the game"):
            continue
        setup(app)
        frames(app, 2)
        for screen in app.visible():
            assert elements_inside(screen, app.size) == [], name


def test_a_chart_too_short_for_five_value_labels_draws_fewer(make_app):
    # large text on a small window (the end screen's scissors): labels must not overlap
    from game.ui.charts import gridlines
    app = make_app()
    font = app.fonts.get("text", 12)
    line = font.get_linesize()
    assert gridlines(line * 10, font) == 4
    short = gridlines(line * 2.5, font)
    assert 1 <= short < 4 and line * 2.5 / short >= line
