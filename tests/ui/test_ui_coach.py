"""The guided first turn: shown at the first new game, Next walks it, Skip closes it, never again."""
import pygame
import pytest

from game.ui import settings as st
from game.ui.screens.coach import STEPS, CoachOverlay
from game.ui.screens.game_screen import GameScreen
from ui_helpers import click, frames, key


def new_game(app):
    click(app, app.top.buttons["campaign"].rect.center)
    click(app, app.top.begin.rect.center, n=4)


def test_first_game_shows_step_one_and_next_walks_to_the_end(make_app):
    app = make_app(tutorial_done=False)
    new_game(app)
    coach = app.top
    assert isinstance(coach, CoachOverlay) and coach.step == 0
    assert isinstance(app.stack[-2], GameScreen)
    for i in range(1, len(STEPS)):
        click(app, coach.next_button.rect.center)
        assert coach.step == i
        if STEPS[i][1]:
            assert coach.game.tab == STEPS[i][1]
    key(app, pygame.K_RETURN)          # Enter on the last step finishes
    assert isinstance(app.top, GameScreen)
    assert app.settings.tutorial_done and st.load().tutorial_done
    app.top.back()                      # the game menu, then back to the title and a second game
    frames(app)
    from game.ui.screens.title import TitleScreen
    app.reset(TitleScreen(app))
    frames(app)
    new_game(app)
    assert isinstance(app.top, GameScreen), "not shown again"


@pytest.mark.parametrize("how", ["button", "escape"])
def test_skip_closes_it_for_good(make_app, how):
    app = make_app(tutorial_done=False)
    new_game(app)
    coach = app.top
    if how == "button":
        click(app, coach.skip_button.rect.center)
    else:
        key(app, pygame.K_ESCAPE)
    assert isinstance(app.top, GameScreen) and app.top.tab == "actions"
    assert st.load().tutorial_done


def test_every_step_fits_small_window_and_largest_text(make_app):
    from game.ui.screens.modes import demo_session
    for size in ((960, 600), (1280, 720), (1920, 1080)):
        app = make_app(window=size, text_size="largest", tutorial_done=False)
        game = GameScreen(app, demo_session(0))
        app.push(game)
        coach = CoachOverlay(app, game)
        app.push(coach)
        for i in range(len(STEPS)):
            frames(app, 1)
            assert coach.fits(), (size, i)
            assert not coach.box.colliderect(coach.highlight), (size, i)
            coach.next()


def test_settings_can_ask_for_it_again(make_app):
    app = make_app(tutorial_done=True)
    click(app, app.top.buttons["settings"].rect.center)
    screen = app.top
    again = next(b for b, kv in screen.option_buttons.items() if kv == ("tutorial_done", False))
    click(app, again.rect.center)
    assert app.settings.tutorial_done is False and st.load().tutorial_done is False
