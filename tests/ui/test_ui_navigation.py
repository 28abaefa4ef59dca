"""Driving the screens headless with synthetic clicks and keys."""
import pygame

from game.ui import settings as st
from game.ui.screens.glossary_screen import GlossaryScreen
from game.ui.screens.settings_screen import SettingsScreen
from game.ui.screens.title import TitleScreen
from game.ui.help import HelpOverlay
from ui_helpers import click, frames, key


def test_menu_to_settings_and_back(make_app):
    app = make_app()
    assert isinstance(app.top, TitleScreen)
    click(app, app.top.buttons["settings"].rect.center)
    assert isinstance(app.top, SettingsScreen)
    click(app, app.top.back_button.rect.center)
    assert isinstance(app.top, TitleScreen)


def test_escape_goes_back_and_keyboard_opens_the_menu_items(make_app):
    app = make_app()
    key(app, pygame.K_s, "s")
    assert isinstance(app.top, SettingsScreen)
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.top, TitleScreen)
    key(app, pygame.K_e, "e")
    assert isinstance(app.top, GlossaryScreen)


def test_glossary_entry_opens_from_the_list_and_from_a_link(make_app):
    app = make_app()
    click(app, app.top.buttons["glossary"].rect.center)
    screen = app.top
    assert isinstance(screen, GlossaryScreen)
    ids = [r[0] for r in screen.list.rows]
    target = ids.index("kronstadt")
    screen.list.ensure_visible(target)
    click(app, screen.list.row_rect(target).center)
    assert screen.current == "kronstadt"
    rect, link = screen.view.rich.links[0]
    pos = (screen.view.rect.x + rect.centerx, screen.view.rect.y + rect.centery - screen.view.scroll)
    click(app, pos)
    assert screen.current == link and link != "kronstadt"
    key(app, pygame.K_BACKSPACE)
    assert screen.current == "kronstadt"


def test_search_filters_the_list(make_app):
    app = make_app()
    app.open_glossary()
    frames(app)
    screen = app.top
    click(app, screen.search.rect.center)
    for ch in "ogpu":
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=ch))
        frames(app, 1)
    frames(app, 3)
    assert [r[0] for r in screen.list.rows] == ["ogpu"]


def test_help_overlay_opens_and_closes(make_app):
    app = make_app()
    key(app, pygame.K_F1)
    assert isinstance(app.top, HelpOverlay)
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.top, TitleScreen)
    key(app, pygame.K_SLASH, "?", pygame.KMOD_SHIFT)
    assert isinstance(app.top, HelpOverlay)
    key(app, pygame.K_F1)
    assert isinstance(app.top, TitleScreen)


def test_question_mark_types_into_a_search_box(make_app):
    app = make_app()
    app.open_glossary()
    frames(app)
    click(app, app.top.search.rect.center)
    key(app, pygame.K_SLASH, "?", pygame.KMOD_SHIFT)
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="?"))
    frames(app, 2)
    assert isinstance(app.top, GlossaryScreen)
    assert app.top.search.get_text() == "?"


def test_text_size_choice_relayouts_and_is_saved(make_app):
    app = make_app()
    app.push(SettingsScreen(app))
    frames(app)
    screen = app.top
    largest = next(b for b, (k, v) in screen.option_buttons.items() if (k, v) == ("text_size", "largest"))
    click(app, largest.rect.center)
    assert app.settings.text_size == "largest"
    assert st.load().text_size == "largest"
    # the screen was rebuilt: its new buttons show the new choice
    selected = [v for b, (k, v) in app.top.option_buttons.items() if k == "text_size" and b.is_selected]
    assert selected == ["largest"]


def test_quit_from_the_menu_stops_the_loop(make_app):
    app = make_app()
    click(app, app.top.buttons["quit"].rect.center)
    assert not app.running
    assert app.step(1 / 60) is False


def test_unbuilt_modes_are_disabled_not_dead(make_app):
    app = make_app()
    screen = app.top
    for key_, b in screen.buttons.items():
        assert (key_ in screen.openers) == b.is_enabled


class _Compiling:
    """A stand-in for the background process compiling the rules: busy for a few polls."""

    def __init__(self, polls: int):
        self.left = polls

    def poll(self):
        self.left -= 1
        return None if self.left > 0 else 0


def test_a_first_game_waits_for_the_rules_compiling_in_the_background_and_says_so(make_app):
    app = make_app()
    app.warming = _Compiling(3)
    assert app.await_rules()
    assert app.warming.left <= 0
    app.warming = _Compiling(1000)
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    assert not app.await_rules() and not app.running        # closing the window is honoured
