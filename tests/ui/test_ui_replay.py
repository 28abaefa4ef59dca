"""The historical replay in the interface: step, play, jump on the timeline, open a vote, and
take over as a leader into an ordinary game that history has played up to that month."""
import pygame

from game.ui.screens.game_screen import GameScreen
from game.ui.screens.replay_screen import ReplayScreen
from game.ui.screens.takeover_dialog import TakeOverDialog
from game.ui.screens.vote_screen import VoteScreen
from ui_helpers import click, frames, key


def open_replay(app):
    key(app, pygame.K_r, "r")
    screen = app.top
    assert isinstance(screen, ReplayScreen) and screen.model is not None
    return screen


def test_step_forward_and_back(make_app):
    app = make_app()
    screen = open_replay(app)
    assert screen.pos == 0
    key(app, pygame.K_RIGHT)
    key(app, pygame.K_RIGHT)
    assert screen.pos == 2 and screen.model.played == 2
    click(app, next(b for b, k in screen.control_buttons.items() if k == "prev").rect.center)
    assert screen.pos == 1 and screen.model.played == 2
    assert screen.session.date == screen.model.g.date(0)


def test_the_commentary_quotes_its_sources(make_app):
    app = make_app()
    screen = open_replay(app)
    month = next(p for p in range(1, 13) if screen.model.notes_at(p))
    screen.go(month)
    for _ in range(50):
        if screen.pos == month:
            break
        frames(app, 1)
    text = "".join(span.text for span in screen.view.rich.spans)
    quotes = [r["source"]["quote"] for r in screen.records
              if r.get("kind") == "history" and (r.get("source") or {}).get("quote")]
    assert quotes and all(q[:30] in text for q in quotes)


def test_play_advances_by_itself_and_pauses(make_app):
    app = make_app()
    screen = open_replay(app)
    key(app, pygame.K_SPACE, " ")
    assert screen.playing
    for _ in range(3):
        app.step(1.0)
    assert screen.pos >= 1
    key(app, pygame.K_SPACE, " ")
    where = screen.pos
    for _ in range(3):
        app.step(1.0)
    assert not screen.playing and screen.pos == where


def test_the_timeline_jumps_to_a_month_and_its_votes_open(make_app):
    app = make_app()
    screen = open_replay(app)
    tl = screen.timeline
    target = 12
    click(app, (tl.x_of(target), tl.bar.centery))
    for _ in range(100):
        if screen.pos == target:
            break
        frames(app, 1)
    assert screen.pos == target and screen.session.date == screen.model.g.date(target - 1)
    month = next(p for p in range(1, screen.model.length) if
                 any(r.get("kind") == "vote" for r in screen.model.ensure(p) and screen.model.month(p).records))
    screen.go(month)
    frames(app)
    i = next(i for i, r in enumerate(screen.records) if r.get("kind") == "vote")
    screen.follow(f"rec_{i}")
    frames(app)
    assert isinstance(app.top, VoteScreen) and app.top.rec is screen.records[i]
    assert app.top.rec.get("voters") or app.top.rec.get("groups"), "the vote explains itself"
    key(app, pygame.K_RETURN)
    assert app.top is screen


def test_take_over_hands_a_leader_to_the_player_from_that_month(make_app):
    app = make_app()
    screen = open_replay(app)
    for _ in range(5):
        key(app, pygame.K_RIGHT)
    assert screen.pos == 5
    click(app, screen.takeover_button.rect.center)
    dialog = app.top
    assert isinstance(dialog, TakeOverDialog)
    pid, cell = dialog.cells[1]
    click(app, cell.center, n=4)
    game = app.top
    assert isinstance(game, GameScreen)
    ses = game.session
    assert ses.players == [pid] and ses.turn == 5 and ses.mode == "replay"
    assert ses.core.origin == {"kind": "replay", "until": 5}
    # the months before are history's: the same record as the replay's
    assert [r["text"] for r in ses.records] == [r["text"] for m in screen.model.months[1:6] for r in m.records]
