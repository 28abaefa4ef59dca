"""The what-if lab screen plays its games batch by batch while the window stays live, shows
who leads at the end and the scissors, and writes the full report where it says.

The tests play the batches themselves between frames (``LabRun.start`` is replaced) so that
they do not depend on how a busy machine schedules a worker thread."""
from pathlib import Path

import pytest

from game.content.loader import Listing
from game.lab.api import LabRun

from game.ui.paths import ROOT
from game.ui.screens.lab_screen import LabScreen
from game.ui.screens.message import MessageDialog
from ui_helpers import click, frames

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


def test_the_lab_runs_a_handful_of_games_to_the_end(make_app, tmp_path):
    app = make_app()
    screen = LabScreen(app, scenarios=[Listing("tiny", "four leaders, two years", str(TINY), "Tiny")], out_dir=tmp_path)
    app.push(screen)
    frames(app)
    twenty = next(b for b, n in screen.settings.run_buttons.items() if n == 20)
    click(app, twenty.rect.center)
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
