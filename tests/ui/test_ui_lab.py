"""The what-if lab screen plays its games batch by batch while the window stays live, shows
who leads at the end and the scissors, when the key events happened, who leads month by month
and any indicator, and writes the full report where it says.

The tests play the batches themselves between frames (``LabRun.start`` is replaced) so that
they do not depend on how a busy machine schedules a worker thread."""
from pathlib import Path

import pytest

from game.content.loader import Listing
from game.lab.api import LabRun

from game.ui.paths import ROOT
from game.ui.screens.lab_screen import LabScreen
from game.ui.screens.message import MessageDialog
import pygame

from ui_helpers import click, frames, key

_frames = frames

TINY = ROOT / "tests" / "engine" / "fixtures" / "tiny.yaml"
START = ROOT / "scenarios" / "start_1922_last_struggle.yaml"      # a short scenario with roles to take


@pytest.fixture(autouse=True)
def batches_played_by_the_test(monkeypatch):
    monkeypatch.setattr(LabRun, "start", lambda self: None)


def _play(app, screen, limit=10_000):
    """Draw a frame, play a batch, until the screen has its answer."""
    frames = 0
    while screen.run is not None and not screen.run.done and frames < limit:
        screen.run.step()
        _frames(app, 1)             # the window keeps drawing between batches
        frames += 1
    _frames(app, 2)
    return frames


def _open_with_twenty_runs(make_app, out_dir, listing=Listing("tiny", "four leaders, two years", str(TINY), "Tiny")):
    """The lab on the tiny scenario (or ``listing``'s), 20 runs chosen by clicking their button."""
    app = make_app()
    screen = LabScreen(app, scenarios=[listing], out_dir=out_dir)
    app.push(screen)
    frames(app)
    twenty = next(b for b, n in screen.settings.run_buttons.items() if n == 20)
    click(app, twenty.rect.center)
    return app, screen


def test_the_lab_runs_a_handful_of_games_to_the_end(make_app, tmp_path):
    app, screen = _open_with_twenty_runs(make_app, tmp_path)
    assert screen.settings.runs == 20
    click(app, screen.run_button.rect.center)
    assert screen.run is not None
    frames_drawn = _play(app, screen)
    assert screen.result is not None, screen.status
    assert frames_drawn >= 1          # a frame was drawn between the batches and the answer
    summary = screen.result.summaries[0]
    assert summary["runs"] == 20 and abs(sum(o["share"] for o in summary["outcomes"]) - 1) < 1e-6
    assert screen.report_button.is_enabled
    click(app, screen.report_button.rect.center)
    assert isinstance(app.top, MessageDialog)
    report = screen.written["report"]
    assert tmp_path in Path(report).parents and report in app.top.text
    assert Path(screen.written["csv"]).read_text().count("\n") == 21


def test_the_lab_can_be_cancelled(make_app):
    app = make_app()
    screen = LabScreen(app, scenarios=[Listing("tiny", "", str(TINY), "Tiny")])
    app.push(screen)
    frames(app)
    screen.start()
    screen.cancel()
    _play(app, screen)
    assert screen.result is None and screen.status == "Cancelled."
    assert screen.run_button.is_enabled


def test_the_lab_sweeps_the_historiography_from_agency_to_structure(make_app, tmp_path):
    """A class sees how the answer depends on which historians it believes: the same seeds
    played at each setting from 0 (agency) to 1 (structure), who leads at the end by setting."""
    app, screen = _open_with_twenty_runs(make_app, tmp_path)
    click(app, screen.settings.sweep_button.rect.center)
    assert screen.settings.sweep and screen.settings.baseline == "__none__"
    click(app, screen.run_button.rect.center)
    _play(app, screen)
    result = screen.result
    assert result is not None, screen.status
    assert result.study.kind == "sweep"
    assert [row["value"] for row in result.sweep["rows"]] == [0.0, 0.25, 0.5, 0.75, 1.0]
    assert all(row["runs"] == 20 for row in result.sweep["rows"])
    assert "at 0 (agency)" in screen.headline() and "at 1 (structure)" in screen.headline()
    click(app, screen.report_button.rect.center)
    assert Path(screen.written["report"]).parent.name == "tiny-structural-sweep-seed1-20runs"


def test_choosing_a_scenario_to_compare_with_ends_the_sweep(make_app):
    app = make_app()
    screen = LabScreen(app, scenarios=[Listing("tiny", "", str(TINY), "Tiny"),
                                       Listing("tiny2", "", str(TINY), "Tiny again")])
    app.push(screen)
    frames(app)
    settings = screen.settings
    settings.set_sweep(True)
    assert not settings.slider.is_enabled
    row = [r[0] for r in settings.base_list.rows].index("tiny2")
    settings.base_list.ensure_visible(row)
    frames(app)
    click(app, settings.base_list.row_rect(row).center)
    assert settings.baseline == "tiny2"
    assert not settings.sweep and settings.slider.is_enabled and settings.sweep_setting() is None


def test_the_answer_shows_the_key_events_the_months_and_any_indicator(make_app, tmp_path):
    """A class sees when things happened and how the economy went, not only who won: the
    answer's tabs show the timeline of the key events (scrolling through every event that
    happened in at least 1% of the games), who leads month by month, and a fan chart of the
    indicator chosen from a list."""
    from game.lab.charts import timeline_keys
    app, screen = _open_with_twenty_runs(make_app, tmp_path)
    assert not screen.tab_buttons                   # no tabs before there is an answer
    click(app, screen.run_button.rect.center)
    _play(app, screen)
    assert screen.result is not None, screen.status
    assert [screen.tab_buttons[b] for b in screen.tab_buttons] == ["ends", "events", "months", "indicators"]

    events_tab = next(b for b, k in screen.tab_buttons.items() if k == "events")
    click(app, events_tab.rect.center)
    assert screen.tab == "events"
    fit, total = screen.event_rows
    happened = timeline_keys([{"label": "", "events": screen.result.summaries[0]["events"]}], limit=10 ** 6)[0]
    assert total == len(happened) > 0 and fit > 0
    for _ in range(total + 2):                      # scrolls to the last event and no further
        key(app, pygame.K_DOWN)
    assert screen.event_first == max(0, total - fit)
    key(app, pygame.K_PAGEUP)
    assert screen.event_first == max(0, total - 2 * fit)

    key(app, pygame.K_3)                            # the tabs answer their number keys
    assert screen.tab == "months"
    key(app, pygame.K_4)
    assert screen.tab == "indicators" and screen.series == "scissors"
    rows = [r[0] for r in screen.series_list.rows]
    assert "bureaucracy" in rows and "peasant_mood" in rows
    target = rows.index("bureaucracy")
    screen.series_list.ensure_visible(target)
    frames(app)
    click(app, screen.series_list.row_rect(target).center)
    assert screen.series == "bureaucracy"
    key(app, pygame.K_DOWN)
    assert screen.series == rows[target + 1]
    key(app, pygame.K_1)
    assert screen.tab == "ends"


def test_a_run_of_the_lab_is_watched_as_it_was_played_and_taken_over_from_any_month(make_app, tmp_path):
    """A teacher shows the class a game in which the rare outcome came about: the lab offers
    one run per outcome, the replay viewer plays it again month by month (the run itself, move
    for move), and a student takes over from the month shown, the months before as the
    computer played them."""
    from game.replay import snapshot
    from game.replay.session import Session as Core
    from game.ui.replay_model import RunModel
    from game.ui.screens.game_screen import GameScreen
    from game.ui.screens.replay_screen import ReplayScreen
    from game.ui.screens.run_picker import RunPicker
    from game.ui.screens.takeover_dialog import TakeOverDialog
    app, screen = _open_with_twenty_runs(make_app, tmp_path, Listing("start", "", str(START), "1922"))
    assert not screen.watch_button.is_enabled              # nothing to watch before the runs
    click(app, screen.run_button.rect.center)
    _play(app, screen)
    runs = screen.result.runs[0]
    click(app, screen.watch_button.rect.center)
    picker = app.top
    assert isinstance(picker, RunPicker)
    came_about = {runs.meta.outcomes[k] for k in set(runs.outcome.tolist()) if k >= 0}
    assert {e["outcome"] for e in picker.examples.values()} == came_about
    for e in picker.examples.values():                     # each the first run that ended so
        first = list(runs.outcome).index(runs.meta.outcomes.index(e["outcome"]))
        assert e["seed"] == int(runs.seed[first]) and e["count"] == int((runs.outcome == runs.outcome[first]).sum())

    rare = min(picker.examples.values(), key=lambda e: e["count"])
    picker.list.selected = rare["key"]
    key(app, pygame.K_RETURN, n=3)
    replay = app.top
    assert isinstance(replay, ReplayScreen) and isinstance(replay.model, RunModel)
    assert replay.model.seed == rare["seed"]
    key(app, pygame.K_END)
    while replay.model.played < replay.model.length and replay.model.advance():
        pass
    lone = Core.new(str(START), rare["seed"], humans=(), autosave=False)
    while not lone.over:
        lone.play_turn()
    assert snapshot.digest(replay.model.months[-1].state) == snapshot.digest(lone.state)

    replay.go(6)
    frames(app)
    key(app, pygame.K_t, n=3)
    dialog = app.top
    assert isinstance(dialog, TakeOverDialog) and "The computer has played" in dialog.text
    pid, cell = dialog.cells[0]
    click(app, cell.center, n=4)
    game = app.top
    assert isinstance(game, GameScreen)
    ses = game.session
    assert ses.players == [pid] and ses.turn == 6
    assert ses.core.origin == {"kind": "lab_run", "until": 6}
    assert snapshot.digest(ses.core.state) == snapshot.digest(replay.model.months[6].state)
    again = Core.load(ses.core.save(tmp_path / "taken.json"), autosave=False)   # a save replays its months
    assert snapshot.digest(again.state) == snapshot.digest(ses.core.state) and again.humans == (pid,)


def test_a_scenario_that_names_no_sides_lets_the_class_take_over_any_leader(make_app, tmp_path):
    """A teacher's what-if may leave out ``roles:``; its runs can still be taken over, as any of
    its leaders."""
    from game.ui.screens.takeover_dialog import TakeOverDialog
    app, screen = _open_with_twenty_runs(make_app, tmp_path)
    click(app, screen.run_button.rect.center)
    _play(app, screen)
    click(app, screen.watch_button.rect.center)
    key(app, pygame.K_RETURN, n=3)
    app.top.go(3)
    frames(app)
    key(app, pygame.K_t, n=3)
    dialog = app.top
    assert isinstance(dialog, TakeOverDialog)
    assert [pid for pid, _ in dialog.cells] == ["stalin", "trotsky", "zinoviev", "kamenev"]
