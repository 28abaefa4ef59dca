"""The interface's handle on the lab: a run driven step by step, or in a background thread."""
from __future__ import annotations

import numpy as np
import pytest
from lab_fixtures import SEED, TINY

from game.lab.api import LabRun
from game.lab.runs import LabError
from game.lab.table import csv_text


def test_stepping_reports_progress_and_ends_with_the_same_games_as_the_batch(tiny_result):
    run = LabRun(TINY, runs=6, seed=SEED, chunk=3)
    seen = []
    while not run.done:
        seen.append(run.step())
    assert seen == [0.5, 1.0]
    res = run.result
    batch = tiny_result.runs[0].take(np.arange(6))
    assert csv_text([(res.runs[0], "")]) == csv_text([(batch, "")])
    assert res.summaries[0]["runs"] == 6


def test_a_background_run_can_be_watched_and_cancelled():
    run = LabRun(TINY, runs=2, seed=1, weights={"structural": 0.2})
    run.start()
    run.join(120)
    assert run.done and run.error is None and run.progress == 1.0
    assert run.result.runs[0].meta.structural == 0.2
    stopped = LabRun(TINY, runs=4, seed=1)
    stopped.cancel()
    stopped.step()
    assert stopped.done and stopped.result is None


def test_bad_settings_fail_at_once():
    with pytest.raises(LabError):
        LabRun(TINY, runs=4, weights={"noise_level": 0.1})
    with pytest.raises(LabError):
        LabRun(TINY, runs=0)
