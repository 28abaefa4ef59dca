"""Fixtures for the replay tests: a private saves folder and the scripted scenario."""
from __future__ import annotations

import pytest

from game.content.loader import load_scenario
from replay_helpers import SCRIPTED


@pytest.fixture(autouse=True)
def private_home(tmp_path, monkeypatch):
    """Every test saves into its own folder."""
    home = tmp_path / "home"
    monkeypatch.setenv("POLITBURO_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def scripted():
    return load_scenario(str(SCRIPTED))
