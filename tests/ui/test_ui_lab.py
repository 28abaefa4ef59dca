"""The what-if lab screen runs its games on a worker thread while the window stays live, shows
who leads at the end and the scissors, and writes the full report where it says."""
import time
from pathlib import Path

from game.ui.paths import ROOT
from game.ui.screens.lab_screen import LabScreen
from game.ui.screens.message import MessageDialog
from ui_helpers import click, frames

TINY = ROOT / "tests" / "engine" / "fixtures" / "tiny.yaml"


def test_the_lab_runs_a_handful_of_games_to_the_end(make_app, tmp_path):
    app = make_app()
    screen = LabScreen(app, scenarios=[("tiny", "four leaders, two years", str(TINY))], out_dir=tmp_path)
    app.push(screen)
    frames(app)
    twenty = next(b for b, n in screen.settings.run_buttons.items() if n == 20)
    click(app, twenty.rect.center)
    assert screen.settings.runs == 20
    click(app, screen.run_button.rect.center)
    assert screen.run is not None
    frames_drawn = 0
    # not a speed test: the deadline only guards against a hang on a busy machine
    deadline = time.monotonic() + 600
    while screen.result is None and time.monotonic() < deadline:
        frames(app, 1)                  # the window keeps drawing while the games are played
        frames_drawn += 1
    assert screen.result is not None, screen.status
    assert frames_drawn > 1
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
    screen = LabScreen(app, scenarios=[("tiny", "", str(TINY))])
    app.push(screen)
    frames(app)
    screen.start()
    screen.cancel()
    deadline = time.monotonic() + 600           # a hang guard, not a speed test
    while screen.run is not None and time.monotonic() < deadline:
        frames(app, 1)
    assert screen.result is None and screen.status == "Cancelled."
    assert screen.run_button.is_enabled
