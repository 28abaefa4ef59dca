"""Fixtures for the what-if lab: one small study of the tiny scenario and one comparison,
shared by the tests (a few dozen games keep the suite fast)."""
from __future__ import annotations

import pytest
from lab_fixtures import RUNS, SEED, TINY, TROTSKY_POPULAR

from game.lab.study import make_study, run_study


@pytest.fixture(scope="session")
def tiny_result():
    """20 games of the tiny scenario, seeds 100..119, in two batches."""
    return run_study(make_study(TINY, runs=RUNS, seed=SEED), workers=1, chunk=10)


@pytest.fixture(scope="session")
def compare_result():
    """The popular-Trotsky what-if against the tiny scenario, 12 games each."""
    return run_study(make_study(TROTSKY_POPULAR, TINY, runs=12, seed=5), workers=1)
