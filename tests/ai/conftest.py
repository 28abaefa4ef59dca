"""Fixtures for the computer rivals: the tiny rules scenario and the campaign, compiled once,
and a batch of whole campaign games with every action counted (shared by several tests)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from game.content.loader import load_scenario
from game.engine.actions import KIND_IDS
from game.engine.game import Game
from game.engine.log import Log

ROOT = Path(__file__).resolve().parents[2]
TINY = ROOT / "tests" / "engine" / "fixtures" / "tiny.yaml"


@pytest.fixture(scope="session")
def tiny() -> Game:
    return Game(load_scenario(str(TINY)))


@pytest.fixture(scope="session")
def campaign() -> Game:
    try:
        return Game(load_scenario("campaign"))
    except Exception as err:                         # pragma: no cover - scenario missing
        pytest.skip(f"the campaign does not load: {err}")


class Counted:
    """Whole games played by the rivals, with every action they chose counted per leader."""

    def __init__(self, g: Game, seeds, difficulty: str = "normal"):
        from game.ai.play import step
        from game.ai.rivals import Rivals
        self.g = g
        self.rivals = Rivals(g, difficulty)
        self.counts = np.zeros((len(seeds), g.P, len(KIND_IDS)), dtype=np.int64)
        inner = self.rivals.moves

        def counting(view, skip=(), prior=None):
            rows = inner(view, skip, prior)
            kind, actor = rows[:, :, 0], rows[:, :, 1]
            live = kind >= 0
            game = np.broadcast_to(np.arange(rows.shape[0])[:, None], kind.shape)
            np.add.at(self.counts, (game[live], actor[live], kind[live]), 1)
            return rows

        self.rivals.moves = counting
        self.log = Log(g, len(seeds))
        self.state = g.new_state(seeds)
        while not self.state.over.all():
            step(g, self.state, self.rivals, log=self.log)

    def per_game(self, person: str, kind: str) -> float:
        """Mean count over the games."""
        return float(self.of(person, kind).mean())

    def of(self, person: str, kind: str) -> np.ndarray:
        """[B] how often ``person`` chose ``kind`` in each game."""
        return self.counts[:, self.g.pidx[person], KIND_IDS.index(kind)]


@pytest.fixture(scope="session")
def campaign_games(campaign) -> Counted:
    return Counted(campaign, np.arange(6) + 100)
