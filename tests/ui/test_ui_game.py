"""The game screens against the real engine: choosing a leader, planning moves with the
engine's costs and refusals, ending turns, and reading votes, sittings and the end."""
import pygame
import pytest

from game.ui.screens.game_screen import GameScreen
from game.ui.screens.modes import demo_session
from game.ui.screens.scenario_select import ScenarioSelectScreen
from game.ui.screens.title import TitleScreen
from game.ui.session import surname
from ui_helpers import click, frames, key


@pytest.fixture(scope="module")
def played():
    """A campaign played by the computer until its first Party Congress has met."""
    return demo_session(until="sitting")


def test_where_a_full_name_will_not_fit_a_man_is_called_by_his_surname():
    assert surname("Leon Trotsky") == "Trotsky"
    assert surname("Grigory Yevseyevich  Zinoviev") == "Zinoviev"
    # an outcome or a blank with one word keeps it
    assert [surname(n) for n in ("Collapse", "—", "")] == ["Collapse", "—", ""]


def test_new_campaign_from_the_menu_reaches_the_game_screen(make_app):
    app = make_app()
    click(app, app.top.buttons["campaign"].rect.center)
    screen = app.top
    assert isinstance(screen, ScenarioSelectScreen)
    assert screen.chosen, "a leader is chosen by default"
    pid, rect = screen.role_rects[-1]
    click(app, rect.center)
    assert screen.chosen == [pid]
    click(app, screen.begin.rect.center, n=4)
    assert isinstance(app.top, GameScreen)
    assert app.top.session.players == [pid]


def test_a_scenario_that_names_no_sides_offers_every_leader_and_begins_as_the_one_chosen(make_app, tmp_path,
                                                                                     monkeypatch):
    from game.content.loader import Listing
    from game.ui.screens import scenario_select
    what_if = tmp_path / "no_sides.yaml"
    what_if.write_text("id: no_sides\ntitle: No sides\ndescription: a teacher's what-if\nbase: campaign\n"
                       "overrides:\n  roles: []\n")
    monkeypatch.setattr(scenario_select, "scenarios",
                        lambda: [Listing("no_sides", "a teacher's what-if", str(what_if), "No sides")])
    app = make_app()
    click(app, app.top.buttons["campaign"].rect.center)
    screen = app.top
    leaders = [p.id for p in screen.scenario().persons if p.leader]
    assert [pid for pid, _ in screen.role_rects] == leaders and len(leaders) == 8
    assert "names no sides" in screen._role_markup()
    pid, rect = next((pid, r) for pid, r in screen.role_rects if pid == "bukharin")
    click(app, rect.center)
    click(app, screen.begin.rect.center, n=4)
    assert isinstance(app.top, GameScreen) and app.top.session.players == ["bukharin"]


def start_game(make_app, **kw):
    app = make_app(**kw)
    ses = demo_session(0)
    app.push(GameScreen(app, ses))
    frames(app)
    return app, app.top, ses


def test_planning_spends_action_points_and_can_be_undone(make_app):
    app, screen, ses = start_game(make_app)
    panel = screen.panels["actions"]
    before = ses.ap_left(screen.player)
    row = panel.options.row_h // 2
    click(app, (panel.options.rect.x + 20, panel.options.rect.y + row))
    assert len(ses.planned[screen.player]) == 1
    assert ses.ap_left(screen.player) == before - ses.planned[screen.player][0].cost
    click(app, (panel.planned.rect.x + 20, panel.planned.rect.y + panel.planned.row_h // 2))
    assert ses.planned[screen.player] == []


def test_impossible_actions_show_the_engines_reason(make_app):
    app, screen, ses = start_game(make_app)
    panel = screen.panels["actions"]
    greyed = [r for r in panel.kinds.rows if not r.enabled]
    assert greyed and all(r.sub for r in greyed)
    entry = next(e for e in ses.action_menu(screen.player) if e.reason)
    assert entry.reason == next(r.sub for r in greyed if r.id == entry.kind)


def test_when_no_motion_may_be_tabled_the_menu_says_so_not_one_motions_reason():
    """In April 1922 every line waits for its time or is in force: 'Propose a motion' is
    greyed with a reason about all motions (before, 'This motion cannot be tabled now: from
    October 1923', the first motion's, read as if it were every motion's)."""
    ses = demo_session(0)
    propose = next(e for e in ses.action_menu(ses.players[0]) if e.kind == "propose")
    assert not propose.actions and propose.reason.startswith("No motion can be tabled this month")


def test_ending_the_turn_advances_the_calendar_and_shows_what_happened(make_app):
    app, screen, ses = start_game(make_app)
    date = ses.date
    for _ in range(3):
        screen.end_turn()
        frames(app)
        while app.top is not screen:          # event choices, results: take the first option
            top = app.top
            if getattr(top, "choosing", False):
                key(app, pygame.K_1)
            else:
                key(app, pygame.K_RETURN)
    assert ses.date != date
    assert ses.turn == 3
    assert len(ses.history) == 4


def test_tabs_switch_by_keyboard_and_every_tab_draws(make_app):
    app, screen, ses = start_game(make_app)
    for n, tab in enumerate(["actions", "board", "economy", "press", "posts", "log"]):
        key(app, pygame.K_1 + n, str(n + 1))
        assert screen.tab == tab


def test_vote_screen_lists_every_named_voter_with_reasons(make_app, played):
    from game.ui.screens.vote_screen import VoteScreen
    app = make_app()
    votes = [r for r in played.records if r.get("kind") == "vote"]
    assert votes
    app.push(VoteScreen(app, played, votes))
    frames(app)
    screen = app.top
    assert screen.rec["voters"] and all("reasons" in v for v in screen.rec["voters"])
    if len(votes) > 1:
        key(app, pygame.K_RIGHT)
        assert screen.index == 1
    key(app, pygame.K_RETURN)
    assert isinstance(app.top, TitleScreen)


def test_a_plenums_own_choice_is_shown_as_the_committees_not_moved_by_the_man(make_app, played):
    """The plenum after a Congress may vote on a man no leader put up (game.engine.sittings):
    the record names him as its sponsor, and the screen must not read 'Moved by' him."""
    from game.ui.screens.vote_screen import VoteScreen
    app = make_app()
    vote = next(r for r in played.records if r.get("kind") == "vote")
    own = dict(vote, election={"mover": None, "nominee": vote["sponsor"]})
    screen = VoteScreen(app, played, [own])
    assert screen._moved_by(own).startswith("Put up by the Central Committee itself")
    assert screen._moved_by(vote).startswith("Moved by ")


def test_sitting_and_end_screens_draw(make_app, played):
    from game.ui.screens.end_screen import EndScreen
    from game.ui.screens.sitting_screen import SittingScreen
    app = make_app()
    rec = next(r for r in played.records if r.get("kind") == "sitting")
    app.push(SittingScreen(app, played, rec))
    frames(app)
    assert rec["delegations"]
    app.push(EndScreen(app, played))
    frames(app)
    assert app.top.headline()


def test_event_choice_goes_to_the_engine(make_app):
    from game.ui.screens.event_dialog import EventDialog
    app, screen, ses = start_game(make_app)
    ev = next(e for e in ses.scenario.events if len(e.choices) > 1)
    app.push(EventDialog(app, ses, event=ev))
    frames(app)
    key(app, pygame.K_2)
    assert ses.choices[ev.id] == ev.choices[1].id
    assert app.top is screen


def test_hot_seat_hands_over_between_players(make_app):
    from game.ui.screens.handover import HandoverScreen
    app = make_app()
    roles = [r.person for r in demo_session(0).scenario.roles[:2]]
    ses = demo_session(0, players=roles)
    screen = GameScreen(app, ses)
    app.push(screen)
    frames(app)
    screen.end_turn()
    frames(app)
    while not isinstance(app.top, HandoverScreen):   # the first player's event choices
        key(app, pygame.K_1)
    assert screen.player == roles[1] and ses.turn == 0
    key(app, pygame.K_RETURN)
    assert app.top is screen


def test_game_screens_fit_the_window(make_app):
    from test_ui_resize import elements_inside
    from game.ui.screenshots import shots
    app = make_app(window=(1280, 720), text_size="largest")
    for name in ("game_actions", "event_choice", "scenario_select"):
        shots()[name](app)
        frames(app, 2)
        for screen in app.visible():
            assert elements_inside(screen, app.size) == [], name



@pytest.mark.parametrize("text_size", ["normal", "largest"])
def test_the_end_screenshot_is_a_finished_game_and_its_end_screen_agrees_with_it(make_app, text_size):
    """The game ``python -m game screenshots`` shows at the end is a real one, played by the
    computer to its last turn; the screen's verdict and roles are the engine's, every role fits
    the card, and a leader who holds no post is shown with the party bodies he sits on."""
    from game.ui import layout
    from game.ui.screens.end_screen import EndScreen
    from game.ui.screens.modes import cached_session
    ses = cached_session(400)
    assert ses.over and len(ses.core.turns) == ses.g.n_turns
    app = make_app(window=(1280, 720), text_size=text_size)
    screen = EndScreen(app, ses)
    app.push(screen)
    frames(app)
    o = ses.outcome()
    assert o["outcome"] == o["leader"] and screen.headline().startswith(ses.name(o["leader"]))
    assert {r.role: r.result for r in screen.ending.roles} == o["roles"]
    if not ses.posts_of(o["leader"]):
        assert "holds no post, but sits on" in screen.ending.basis
    inner = layout.inset(screen.left, app.u(18), app.u(14))
    assert screen._roles(app.surface, inner, screen._headline(app.surface, inner)) <= inner.bottom


def test_the_politburo_panel_says_how_many_of_its_seats_are_filled(make_app):
    """A promotion needs a free seat: the table shows the count the engine checks."""
    app, screen, ses = start_game(make_app)
    from game.engine.state import BODY
    filled = int(ses.state.member[0, :, BODY["politburo"]].sum())
    seats = ses.g.seats_at(int(ses.state.turn))
    tips = [text for _, text in screen.tips.dynamic + screen.tips.regions]
    assert any(f"set {seats} full seats; {filled} are filled" in t for t in tips)
