"""A whole short scenario played through the interface with synthetic mouse and keys: from the
main menu to the end screen, autosaved every turn, then the debrief exported as HTML and Markdown."""
import pygame

from game.replay import files
from game.replay.session import Session as Core
from game.ui.screens.debrief_screen import DebriefScreen
from game.ui.screens.end_screen import EndScreen
from game.ui.screens.game_screen import GameScreen
from game.ui.screens.message import MessageDialog
from game.ui.screens.scenario_select import ScenarioSelectScreen
from ui_helpers import click, frames, key

SHORT = "start_1926_united_opposition"      # eight quarterly turns


def choose_scenario(app, screen, sid):
    ids = [r[0] for r in screen.list.rows]
    i = ids.index(sid)
    screen.list.ensure_visible(i)
    click(app, screen.list.row_rect(i).center)
    assert screen.scenario_id == sid


def plan_first_choice(app, game):
    key(app, pygame.K_1, "1")                     # the actions tab
    panel = game.panels["actions"]
    if panel.options.rows:
        before = len(game.session.planned[game.player])
        click(app, (panel.options.rect.x + 20, panel.options.rect.y + panel.options.row_h // 2))
        assert len(game.session.planned[game.player]) in (before, before + 1)


def dismiss(app):
    """Whatever stands over the game screen: take the first choice, or continue."""
    if getattr(app.top, "choosing", False):
        key(app, pygame.K_1, "1")
    else:
        key(app, pygame.K_RETURN)


def test_a_short_scenario_from_the_menu_to_the_end_and_its_debrief(make_app, private_home):
    app = make_app(window=(1280, 720))
    click(app, app.top.buttons["campaign"].rect.center)
    select = app.top
    assert isinstance(select, ScenarioSelectScreen)
    choose_scenario(app, select, SHORT)
    rect = next(r for pid, r in select.role_rects if pid == "stalin")
    click(app, rect.center)
    click(app, select.begin.rect.center, n=4)
    game = app.top
    assert isinstance(game, GameScreen) and game.session.players == ["stalin"]
    turns = game.session.g.n_turns
    for _ in range(200):
        if isinstance(app.top, EndScreen):
            break
        if app.top is game and not game.session.over:
            plan_first_choice(app, game)
            key(app, pygame.K_RETURN, mod=pygame.KMOD_CTRL)
        else:
            dismiss(app)
    assert isinstance(app.top, EndScreen)
    assert game.session.over and len(game.session.core.turns) == turns
    played = [m for t in game.session.core.turns for m in t.moves if m["actor"] == "stalin"]
    assert played, "the moves planned with the mouse were played"

    # every turn was autosaved: the newest autosave is this game at its end
    saved = Core.load(files.autosave_paths()[0], trust_snapshot=True)
    assert saved.over and saved.turn == game.session.turn and saved.humans == ("stalin",)

    click(app, app.top.debrief.rect.center)
    screen = app.top
    assert isinstance(screen, DebriefScreen)
    frames(app, 3)
    assert screen.debrief is not None and screen.debrief.path and screen.debrief.questions
    for tab in range(5):
        key(app, pygame.K_1 + tab, str(tab + 1))
    click(app, screen.html_button.rect.center)
    assert isinstance(app.top, MessageDialog)
    key(app, pygame.K_RETURN)
    click(app, screen.md_button.rect.center)
    key(app, pygame.K_RETURN)
    written = sorted(p.suffix for p in files.saves_dir().glob("debrief-*"))
    assert written == [".html", ".md"]
    html = next(files.saves_dir().glob("debrief-*.html")).read_text(encoding="utf-8")
    assert "Questions for discussion" in html and "Turning points" in html
