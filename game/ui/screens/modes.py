"""Wiring: which screen each menu item opens, the screenshot scenes of the game screens, and
the bench's main screen. Kept apart so the title screen works without the engine."""
from __future__ import annotations


from game.ui.paths import ROOT

FALLBACK_SCENARIO = ROOT / "tests" / "engine" / "fixtures" / "tiny.yaml"


def openers(app) -> dict:
    from game.ui.screens import load_screen
    from game.ui.screens.lab_screen import LabScreen
    from game.ui.screens.replay_screen import ReplayScreen
    from game.ui.screens.scenario_select import ScenarioSelectScreen
    out = {
        "campaign": lambda: app.push(ScenarioSelectScreen(app)),
        "hotseat": lambda: app.push(ScenarioSelectScreen(app, hotseat=True)),
        "replay": lambda: app.await_rules() and app.push(ReplayScreen(app)),
        "lab": lambda: app.push(LabScreen(app)),
        "load": lambda: app.await_rules() and app.push(load_screen.LoadScreen(app)),
    }
    if app.session is not None or load_screen.has_autosave():
        out["continue"] = lambda: app.await_rules() and load_screen.continue_last(app)
    return out


_CACHE: dict = {}


def cached_session(turns: int = 0, until: str | None = None):
    """A shared demo session for scenes that only read it (screenshots): built once."""
    key = (turns, until)
    if key not in _CACHE:
        _CACHE[key] = demo_session(turns, until=until)
    return _CACHE[key]


def demo_session(turns: int = 0, players=None, until: str | None = None):
    """A session on the campaign (or the tiny test scenario if the campaign cannot be loaded),
    played on by the computer for ``turns`` turns or until a record of kind ``until``."""
    from game.ui.session import Session, load
    try:
        scenario = load("campaign")
    except Exception:
        scenario = load(str(FALLBACK_SCENARIO))
    players = players or [scenario.sides()[0].person if scenario.sides() else scenario.persons[0].id]
    ses = Session.new(scenario, players, seed=7, autosave=False)
    for _ in range(400 if until else turns):
        if ses.over:
            break
        recs = ses.autoplay_turn()
        if until and any(r.get("kind") == until for r in recs):
            break
    return ses


def fallen_session(how: str):
    """A campaign whose player (Stalin) falls in its first month, for the notice he is then
    shown: "out", expelled from the party (he can act no more); "lost", dropped from the Central
    Committee (his side has lost, but he can still act). The month is played, so the engine
    judges it and logs the defeat."""
    from game.engine.state import BODY
    ses = demo_session(0)
    s, i = ses.core.state, ses.p(ses.players[0])
    s.member[0, i, BODY["central_committee"]] = False
    if how == "out":
        s.expelled[0, i] = True
        s.expelled_turn[0, i] = ses.turn
        s.member[0, i, :] = False
        s.holder[0][s.holder[0] == i] = -1
    ses.core._view = None               # the month's view is read again
    ses.end_turn()
    return ses


def _game(app, tab: str = "actions", turns: int = 3, session=None):
    from game.ui.screens.game_screen import GameScreen
    from game.ui.screens.title import TitleScreen
    ses = session or cached_session(turns)
    app.reset(TitleScreen(app))
    screen = GameScreen(app, ses)
    screen.tab = tab
    app.push(screen)
    return screen


def screenshot_setups() -> dict:
    from game.ui.screens.scenario_select import ScenarioSelectScreen

    def select(app):
        from game.ui.screens.title import TitleScreen
        app.reset(TitleScreen(app))
        app.push(ScenarioSelectScreen(app))

    def tab(name):
        return lambda app: _game(app, name)

    def vote(app):
        from game.ui.screens.vote_screen import VoteScreen
        screen = _game(app, "log", 0)
        ses = cached_session(until="vote")
        screen.session = ses
        app.push(VoteScreen(app, ses, [r for r in ses.records if r.get("kind") == "vote"][-3:]))

    def sitting(app):
        from game.ui.screens.sitting_screen import SittingScreen
        ses = cached_session(until="sitting")
        _game(app, "log", 0)
        rec = next((r for r in ses.records if r.get("kind") == "sitting"), None)
        if rec:
            app.push(SittingScreen(app, ses, rec))

    def event(app):
        from game.ui.screens.event_dialog import EventDialog
        ses = cached_session(until="event")
        _game(app, "press", 0)
        rec = next((r for r in reversed(ses.records) if r.get("event")), None)
        if rec:
            app.push(EventDialog(app, ses, record=rec))

    def choice(app):
        from game.ui.screens.event_dialog import EventDialog
        ses = demo_session(0)
        _game(app, "actions", 0)
        ev = next((e for e in ses.scenario.events if len(e.choices) > 1), None)
        if ev:
            app.push(EventDialog(app, ses, event=ev))

    def end(app):
        from game.ui.screens.end_screen import EndScreen
        ses = cached_session(400)
        _game(app, "log", 0)
        app.push(EndScreen(app, ses))

    def fallen(how):
        def setup(app):
            if ("fallen", how) not in _CACHE:
                _CACHE[("fallen", how)] = fallen_session(how)
            _game(app, "actions", session=_CACHE[("fallen", how)])
        return setup

    def handover(app):
        from game.ui.screens.handover import HandoverScreen
        ses = demo_session(0)
        _game(app, "actions", 0)
        app.push(HandoverScreen(app, ses, ses.players[0]))

    from game.ui.screens import scenes
    return {"scenario_select": select, "game_actions": tab("actions"), "game_board": tab("board"),
            "game_economy": tab("economy"), "game_press": tab("press"), "game_posts": tab("posts"),
            "game_log": tab("log"), "event_choice": choice, "event": event, "vote": vote, "sitting": sitting,
            "end": end, "handover": handover, "game_expelled": fallen("out"), "game_lost": fallen("lost"),
            **scenes.setups()}


def bench_target(app) -> str:
    from game.ui.screens.game_screen import GameScreen
    app.push(GameScreen(app, demo_session(6)))
    app.top.tab = "board"
    return "game screen (apparatus board)"
