"""The end of a game as the player meets it: a player the party has cast out is told so once
and may let the game run on to its verdict; so is a player whose side has lost while he can
still act, who may also play on; the verdict does not seem to contradict itself and
says which part of an aim failed; every card of the end screen can be read to its end; a past
vote shows its voters as they were that month."""
import numpy as np
import pygame
import pytest

from game.engine.state import BODY
from game.ui.panels.actions_panel import kind_rows
from game.ui.screens.end_screen import EndScreen
from game.ui.screens.game_screen import GameScreen, WATCH_STEP
from game.ui.screens.modes import FALLBACK_SCENARIO, cached_session, demo_session
from game.ui.session import KindEntry, Session, load
from ui_helpers import click, frames, key


def tiny_session(pid="trotsky"):
    return Session.new(load(str(FALLBACK_SCENARIO)), [pid], seed=3, autosave=False)


def expel(ses, pid):
    """The party casts ``pid`` out this month (as a vote of the party would)."""
    s, i = ses.core.state, ses.p(pid)
    s.expelled[0, i] = True
    s.expelled_turn[0, i] = ses.turn
    s.member[0, i, :] = False
    s.holder[0][s.holder[0] == i] = -1
    ses.core._view = None            # the month's view is read again


def open_game(make_app, ses, **kw):
    app = make_app(**kw)
    screen = GameScreen(app, ses)
    app.push(screen)
    frames(app)
    return app, screen


def test_an_expelled_player_is_told_once_what_became_of_him_not_shown_a_greyed_menu(make_app):
    ses = tiny_session()
    ses.autoplay_turn()
    expel(ses, "trotsky")
    assert all(e.reason for e in ses.action_menu("trotsky"))     # the engine refuses him all
    app, screen = open_game(make_app, ses)
    panel = screen.panels["actions"]
    assert panel.out and panel.kinds.rows == []
    assert screen.end_button.text == "Watch to the end"
    assert panel.skip.visible
    from game.ui.panels.actions_panel import out_sentence
    from game.ui.people import long_date
    said = out_sentence(ses, "trotsky")
    assert f"was expelled from the party in {long_date(ses.date)}" in said
    assert said.count("expelled") == 1
    screen.set_tab("log")
    frames(app)
    assert not panel.skip.visible           # the skip button belongs to the notice alone


def test_a_player_who_is_out_can_watch_the_game_run_on_and_stop_it(make_app):
    ses = tiny_session()
    expel(ses, "trotsky")
    app, screen = open_game(make_app, ses)
    start = ses.turn
    key(app, pygame.K_RETURN, mod=pygame.KMOD_CTRL, n=1)
    assert screen.watching and screen.tab == "log"
    assert screen.end_button.text == "Stop watching"
    for _ in range(3):
        app.step(WATCH_STEP)
    assert ses.turn > start and app.top is screen     # no dialog stops the months
    key(app, pygame.K_RETURN, mod=pygame.KMOD_CTRL, n=1)
    stopped = ses.turn
    assert not screen.watching
    for _ in range(3):
        app.step(WATCH_STEP)
    assert ses.turn == stopped
    assert screen.panels["log"].session.records                      # the log is there to read


def test_a_player_who_is_out_can_go_straight_to_the_verdict(make_app):
    ses = tiny_session()
    expel(ses, "trotsky")
    app, screen = open_game(make_app, ses)
    screen.skip_to_end()
    frames(app)
    assert ses.over and isinstance(app.top, EndScreen)
    assert screen.end_button.text == "Debrief"


def campaign_session(players):
    ses = demo_session(0, players=players)
    if ses.scenario.id != "campaign":
        pytest.skip("the campaign could not be loaded")
    return ses


def drop_from_cc(ses, pid):
    """The Central Committee drops ``pid`` this month (a lose aim of the campaign's Stalin)."""
    ses.core.state.member[0, ses.p(pid), BODY["central_committee"]] = False
    ses.core._view = None


def end_turn_as_players(app, screen):
    """End the month through the screen, the players' event choices taken as offered."""
    ses = screen.session
    for ev in ses.pending_choices():
        ses.choose(ev.id, ev.choices[0].id)
    screen.active = len(ses.players) - 1           # every other seat has ended his turn
    screen.end_turn()
    frames(app)


def test_a_player_whose_side_lost_while_he_can_still_act_is_told_once_and_may_play_on(make_app):
    """Dropped from the Central Committee, the campaign's Stalin has lost (``state.lost``, for
    good) but is neither dead nor expelled: the engine still lets him act. The month it happens
    he is shown the notice, in place of the menu, with what happened, that the game is lost for
    him, and his three ways on: play on, watch to the end, skip to the verdict."""
    from game.ui.panels.actions_panel import out_sentence, out_title
    from game.ui.people import long_date
    ses = campaign_session(["stalin"])
    app, screen = open_game(make_app, ses)
    panel = screen.panels["actions"]
    assert panel.lost is None and screen.end_button.text == "End turn"
    drop_from_cc(ses, "stalin")
    month = ses.date
    end_turn_as_players(app, screen)
    assert ses.state.lost[0, ses.g.role_ids.index("stalin")] and not ses.over
    assert ses.out_of_play("stalin") is None
    assert any(not e.reason for e in ses.action_menu("stalin"))     # the engine lets him act
    assert ses.lost_in_play("stalin") == ("Dropped from the Central Committee", month)
    assert screen.tab == "actions"                     # the month it happens, the notice first
    assert panel.lost and panel.kinds.rows == []
    assert out_title(ses, "stalin") == "Dropped from the Central Committee"
    said = out_sentence(ses, "stalin")
    assert said.startswith(f"Joseph Stalin lost the game in {long_date(month)}")
    assert "nothing he does now can change his result" in said and "He can still act" in said
    assert screen.end_button.text == "Watch to the end"
    frames(app)
    assert panel.play_on.visible and panel.skip.visible
    key(app, pygame.K_RETURN, mod=pygame.KMOD_CTRL, n=1)     # he may watch...
    assert screen.watching
    while app.top is not screen:                       # (the month's dialogs)
        app.pop()
    screen.set_tab("actions")
    frames(app)
    click(app, panel.play_on.rect.center)             # ...or play on
    assert not screen.watching and "stalin" in ses.playing_on
    assert panel.lost is None and any(r.enabled for r in panel.kinds.rows)
    assert screen.end_button.text == "End turn"
    assert not panel.play_on.visible and not panel.skip.visible
    end_turn_as_players(app, screen)
    assert screen.tab == "press" and panel.lost is None     # told once: not again


def test_a_beaten_player_in_a_hot_seat_game_may_play_on_or_leave_his_turn_to_the_others(make_app):
    ses = campaign_session(["stalin", "trotsky"])
    drop_from_cc(ses, "stalin")
    ses.end_turn()
    assert ses.sits_out("stalin") and not ses.sits_out("trotsky")
    app, screen = open_game(make_app, ses)
    panel = screen.panels["actions"]
    assert screen.player == "stalin" and panel.lost
    assert not screen.players_out() and screen.end_button.text == "End turn"
    assert panel.play_on.visible and not panel.skip.visible     # the others play on


def test_a_reason_that_closes_several_kinds_of_action_is_said_once():
    menu = [KindEntry("speak", "Speak", 1, ("a",), None),
            KindEntry("propose", "Propose a motion", 1, (), "Only members of the Politburo may table this."),
            KindEntry("condemn", "Move to condemn", 1, (), "Only members of the Politburo may table this."),
            KindEntry("recruit", "Recruit", 2, (), "Only the General Secretary can launch a drive.")]
    rows = kind_rows(menu)
    said = [r.sub for r in rows if r.sub]
    assert [r.sub for r in rows].count("Only members of the Politburo may table this.") == 1
    heading = next(r for r in rows if r.heading)
    under = rows[rows.index(heading) + 1:rows.index(heading) + 3]
    assert [r.id for r in under] == ["propose", "condemn"] and not any(r.enabled or r.sub for r in under)
    assert rows[0].id == "speak" and rows[0].enabled              # what is open comes first
    assert "Only the General Secretary can launch a drive." in said


def test_no_line_of_the_actions_menu_repeats_in_a_real_game(make_app):
    ses = demo_session(0, players=["trotsky"])
    app, screen = open_game(make_app, ses)
    subs = [r.sub for r in screen.panels["actions"].kinds.rows if not r.enabled and r.sub]
    assert subs and len(subs) == len(set(subs))


def test_a_past_vote_shows_each_man_as_he_was_that_month():
    from game.ui.people import state_of
    ses = cached_session(until="vote")
    vote = next(r for r in ses.records if r.get("kind") == "vote")
    t = vote["turn"]
    voter = next(v["id"] for v in vote["voters"] if state_of(ses, v["id"]) == "")
    s, i = ses.state, ses.p(voter)
    old = int(s.fell_turn[0, i])
    try:
        s.fell_turn[0, i] = t + 5                     # he falls later
        assert state_of(ses, voter) == "fallen" and state_of(ses, voter, t) == ""
        s.fell_turn[0, i] = t                         # he falls by this very vote
        assert state_of(ses, voter, t) == "" and state_of(ses, voter, t + 1) == "fallen"
    finally:
        s.fell_turn[0, i] = old


def test_the_end_screen_says_which_part_of_an_aim_failed(make_app):
    """The replay layer reads the failed part (tests/replay/test_ending.py); the end screen
    shows the ending's reason as it is."""
    ses = campaign_session(["stalin"])
    s = ses.core.state
    s.member[0, ses.p("trotsky"), BODY["politburo"]] = False
    s.over[0] = True
    app = make_app()
    screen = EndScreen(app, ses)
    assert "Trotsky, Zinoviev and Kamenev out of the Politburo (Zinoviev and Kamenev still sit on " \
           "the Politburo)" in screen.reasons["stalin"]


def test_a_leader_who_lost_his_aims_is_told_both_in_one_sentence():
    from game.replay.ending import Ending, RoleResult
    from game.ui import verdict
    ses = tiny_session("stalin")
    ending = Ending("stalin", "", (RoleResult("stalin", "lost", "Not achieved: something."),), ())
    said, won = verdict.player_result(ses, ending, "stalin")
    assert not won and said.startswith("You lead the party, but lost the game")
    won_ending = Ending("stalin", "", (RoleResult("stalin", "won", "Every aim met."),), ())
    assert verdict.player_result(ses, won_ending, "stalin") == ("You won: every aim met.", True)


@pytest.mark.parametrize("text_size", ["normal", "largest"])
def test_every_card_of_the_end_screen_can_be_read_to_its_end(make_app, text_size):
    """The player's reasons are never cut; the history is never cut; where a card holds more
    than it shows it scrolls, by wheel and keys, and says more follows."""
    from game.ui.text import wrap
    ses = cached_session(400)
    app = make_app(window=(1280, 720), text_size=text_size)
    screen = EndScreen(app, ses)
    app.push(screen)
    frames(app)
    small = app.fonts.get("text", 13)
    width, _ = screen._reason_width(screen.left_view)
    counts = screen._reason_lines(width, 10)
    for res, n in zip(screen.ending.roles, counts):
        if res.role in ses.players:
            assert n == len(wrap(small, screen.reasons[res.role], width))
    f = app.fonts.get("text", 13)
    lines = screen._history_lines(f, screen.hist_view.w - app.u(10))
    assert len(lines) * f.get_linesize() == screen.hscroll.max + screen.hist_view.h or \
        (screen.hscroll.max == 0 and len(lines) * f.get_linesize() <= screen.hist_view.h)
    assert screen.hscroll.max > 0           # the campaign's history is longer than its pane
    pygame.mouse.set_pos(screen.right.center)
    key(app, pygame.K_END)
    assert screen.hscroll.offset == screen.hscroll.max
    key(app, pygame.K_HOME)
    assert screen.hscroll.offset == 0
    pygame.mouse.set_pos(screen.left.center)
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-5, flipped=False))
    frames(app)
    assert screen.scroll.offset == min(screen.scroll.max, 5 * screen._step())
    assert np.isfinite(screen.scroll.max)


def test_a_player_cast_out_during_the_game_gets_a_button_wide_enough_to_watch_the_end(make_app):
    ses = tiny_session()
    app, screen = open_game(make_app, ses, text_size="largest")
    assert screen.end_button.text == "End turn"
    expel(ses, "trotsky")
    screen.refresh()
    screen._buttons_state()
    frames(app)
    font = app.fonts.theme_font("display", 19)
    assert screen.end_button.text == "Watch to the end"
    assert screen.end_button.rect.w >= font.size("Watch to the end")[0] + app.u(20)
