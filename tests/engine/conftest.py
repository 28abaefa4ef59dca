"""Fixtures for the rules: the tiny scenario, compiled once."""
from __future__ import annotations

from pathlib import Path

import pytest

from game.content.loader import load_scenario
from game.engine.game import Game

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def tiny_scenario():
    return load_scenario(str(FIXTURES / "tiny.yaml"))


@pytest.fixture(scope="session")
def tiny(tiny_scenario) -> Game:
    return Game(tiny_scenario)
