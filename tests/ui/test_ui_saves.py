"""Saving from the game's menu, loading from the load screen, Continue from the autosave; a
damaged or newer-version save shows its message and the game goes on."""
import pygame

from game.replay import files
from game.replay.saves import SaveError, read_document
from game.ui.screens.game_menu import GameMenu, SaveDialog
from game.ui.screens.game_screen import GameScreen
from game.ui.screens.load_screen import LoadScreen
from game.ui.screens.message import MessageDialog
from game.ui.screens.scenes import sample_saves
from game.ui.screens.title import TitleScreen
from game.ui.session import Session, load
from ui_helpers import click, frames, key


def new_game(app, turns=1):
    ses = Session.new(load("start_1926_united_opposition"), ["stalin"], seed=5)
    for _ in range(turns):
        ses.end_turn()                 # autosaves
    app.session = ses
    app.push(GameScreen(app, ses))
    frames(app)
    return app.top, ses


def test_save_under_a_name_then_load_it_back(make_app):
    app = make_app()
    screen, ses = new_game(app)
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.top, GameMenu)
    key(app, pygame.K_s, "s")
    dialog = app.top
    assert isinstance(dialog, SaveDialog)
    dialog.entry.set_text("Before the Fifteenth Conference")
    frames(app)
    click(app, dialog.save_button.rect.center)
    assert isinstance(app.top, MessageDialog) and "Saved as" in app.top.text
    path = files.saves_dir() / "Before the Fifteenth Conference.json"
    assert path.exists() and str(path) in app.top.text
    key(app, pygame.K_RETURN)
    assert app.top is screen

    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_l, "l")
    loader = app.top
    assert isinstance(loader, LoadScreen)
    loader.selected = str(path)
    click(app, loader.load_button.rect.center, n=4)
    game = app.top
    assert isinstance(game, GameScreen) and game is not screen
    assert game.session.turn == ses.turn and game.session.players == ["stalin"]
    assert game.session.records[-1] == ses.records[-1]


def test_a_damaged_save_shows_its_message_and_the_game_goes_on(make_app):
    app = make_app()
    saves = sample_saves(files.saves_dir())
    key(app, pygame.K_l, "l")
    loader = app.top
    for which in ("damaged", "newer"):
        try:
            read_document(saves[which])
        except SaveError as err:
            expected = err.message
        loader.selected = str(saves[which])
        click(app, loader.load_button.rect.center)
        assert isinstance(app.top, MessageDialog)
        assert app.top.text == expected
        key(app, pygame.K_RETURN)
        assert app.top is loader
    loader.selected = str(saves["good"])
    click(app, loader.load_button.rect.center, n=4)
    assert isinstance(app.top, GameScreen)


def test_continue_resumes_the_last_autosave(make_app):
    app = make_app()
    assert not app.top.buttons["continue"].is_enabled
    _, ses = new_game(app, turns=2)
    app.session = None                       # as after quitting the game: only the autosave is left
    app.reset(TitleScreen(app))
    frames(app)
    assert app.top.buttons["continue"].is_enabled
    click(app, app.top.buttons["continue"].rect.center, n=4)
    assert isinstance(app.top, GameScreen)
    assert app.top.session is not ses and app.top.session.turn == ses.turn == 2
    assert app.top.session.records[-1] == ses.records[-1]


def test_continue_returns_to_the_game_left_for_the_menu(make_app):
    app = make_app()
    screen, ses = new_game(app)
    key(app, pygame.K_ESCAPE)
    click(app, next(b for b, k in app.top.buttons.items() if k == "title").rect.center, n=4)
    assert isinstance(app.top, TitleScreen)
    key(app, pygame.K_c, "c")
    assert isinstance(app.top, GameScreen) and app.top.session is ses


def test_continue_with_only_damaged_autosaves_explains_why(make_app):
    from game.ui.screens.load_screen import continue_last
    app = make_app()
    folder = files.saves_dir()
    folder.mkdir(parents=True)
    (folder / "autosave-1.json").write_text("{not json", encoding="utf-8")
    continue_last(app)
    frames(app)
    assert isinstance(app.top, MessageDialog) and "autosave" in app.top.text
    key(app, pygame.K_RETURN)
    assert isinstance(app.top, TitleScreen)


def test_the_debrief_so_far_opens_from_the_games_menu(make_app):
    from game.ui.screens.debrief_screen import DebriefScreen
    app = make_app()
    screen, ses = new_game(app, turns=2)
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_d, "d")
    debrief = app.top
    assert isinstance(debrief, DebriefScreen)
    frames(app, 3)
    assert debrief.debrief is not None and "in progress" in debrief.debrief.outcome
    key(app, pygame.K_ESCAPE)
    assert app.top is screen
