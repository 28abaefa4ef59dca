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


def _open_with_twenty_runs(make_app, out_dir):
    """The lab on the tiny scenario, 20 runs chosen by clicking their button."""
    app = make_app()
    screen = LabScreen(app, scenarios=[Listing("tiny", "four leaders, two years", str(TINY), "Tiny")], out_dir=out_dir)
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
