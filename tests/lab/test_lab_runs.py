"""Runs are reproducible: run #i is the lone game with seed S+i, the same seed gives the same
CSV byte for byte however the games are split among batches and processes, and any run can
be reopened alone."""
from __future__ import annotations

import csv
import io
import subprocess
import sys

import numpy as np
import pytest
from lab_fixtures import ROOT, RUNS, SEED, TINY

from game.content.errors import ScenarioError
from game.lab.runs import LabError, Spec, parse_sweep, parse_weights, plan, reopen, run_lab
from game.lab.study import make_study, run_study
from game.lab.table import csv_text


def _csv(result) -> str:
    return csv_text([(r, a.setting) for r, a in zip(result.runs, result.study.arms)])


def test_the_same_seed_gives_the_same_csv_byte_for_byte(tiny_result):
    again = run_study(make_study(TINY, runs=RUNS, seed=SEED), workers=1, chunk=10)
    assert _csv(again).encode() == _csv(tiny_result).encode()


def test_batches_and_worker_processes_do_not_change_the_csv(tiny_result):
    two = run_study(make_study(TINY, runs=RUNS, seed=SEED), workers=2, chunk=10)
    assert two.timing["workers"] == 2
    assert _csv(two) == _csv(tiny_result)


def test_a_different_seed_gives_different_games(tiny_result):
    other = run_study(make_study(TINY, runs=RUNS, seed=SEED + 1000), workers=1)
    assert _csv(other) != _csv(tiny_result)


def test_run_i_has_seed_s_plus_i_and_one_row_per_game(tiny_result):
    rows = list(csv.DictReader(io.StringIO(_csv(tiny_result))))
    assert len(rows) == RUNS
    assert [int(r["seed"]) for r in rows] == list(range(SEED, SEED + RUNS))
    assert [int(r["run"]) for r in rows] == list(range(RUNS))
    first = rows[0]
    assert first["scenario"] == "tiny" and first["numpy"] == np.__version__
    from game import engine
    assert first["rules_version"] == str(engine.RULES_VERSION) and first["scenario_format"] == "1"
    assert first["structural"] == "0.500"
    assert first["outcome"] in ("stalin", "trotsky", "zinoviev", "kamenev", "collapse")
    for key in ("removed_trotsky", "fell_trotsky", "expelled_trotsky", "formed_triumvirate"):
        assert key in first
        assert all(r[key] == "" or (len(r[key]) == 7 and r[key][4] == "-") for r in rows)
    assert float(first["scissors"]) > 0


def test_a_reopened_run_is_the_same_game_as_in_the_batch(tiny_result):
    batch = tiny_result.runs[0]
    for i in (0, 13):
        g, state, log = reopened = reopen(TINY, SEED + i)
        lone = reopened.runs
        assert g.outcomes[int(state.outcome[0])] == batch.meta.outcomes[int(batch.outcome[i])]
        assert np.array_equal(lone.history[:, 0], batch.history[:, i], equal_nan=True)
        assert np.array_equal(lone.leading[:, 0], batch.leading[:, i])
        for kind in lone.dates:
            assert np.array_equal(lone.dates[kind][0], batch.dates[kind][i])
        assert log.records[0][-1]["kind"] in ("end", "collapse")


def test_weights_change_the_scenario_through_the_same_checks():
    over, plain = parse_weights("structural=0.3, noise=0.05, faction_cost=2")
    assert over == {"historiography": {"structural": 0.3},
                    "model": {"weights": {"noise": 0.05}, "params": {"faction_cost": 2.0}}}
    assert plain == {"structural": 0.3, "noise": 0.05, "faction_cost": 2.0}
    runs = run_lab(Spec(TINY, over), 3, 1)
    assert runs.meta.structural == 0.3 and runs.meta.weights["noise"] == 0.05
    row = next(csv.DictReader(io.StringIO(csv_text([(runs, "")]))))
    assert row["structural"] == "0.300" and row["weight_noise"] == "0.050"
    assert '"structural":0.3' in row["overrides"]


def test_bad_settings_are_refused_with_a_sentence():
    with pytest.raises(LabError, match="did you mean 'noise'"):
        parse_weights("nois=0.2")
    with pytest.raises(LabError, match="must be a number"):
        parse_weights("structural=high")
    with pytest.raises(LabError, match="name=value"):
        parse_weights("structural")
    with pytest.raises(ScenarioError, match="out of range"):
        run_lab(Spec(TINY, parse_weights("structural=1.5")[0]), 2, 1)
    with pytest.raises(LabError):
        make_study(TINY, TINY, runs=2, sweep="structural=0,1")
    assert parse_sweep("structural=0, 0.5,1") == ("structural", [0.0, 0.5, 1.0])


def test_chunks_cover_every_run_once_and_keep_both_cores_busy():
    for runs, workers, chunk in ((10000, 2, 2000), (1, 2, 2000), (7, 3, 2), (4001, 1, 2000)):
        chunks = plan(runs, workers, chunk)
        assert chunks[0][0] == 0 and chunks[-1][1] == runs
        assert all(a < b and b - a <= chunk for a, b in chunks)
        assert all(chunks[i][1] == chunks[i + 1][0] for i in range(len(chunks) - 1))
    assert len(plan(10000, 2, 2000)) == 6


def test_the_lab_never_imports_pygame():
    code = ("import sys, game.lab.cli, game.lab.api, game.lab.report, game.lab.study; "
            "print('pygame' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"
