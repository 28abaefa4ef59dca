"""Shared helpers for the content tests: fixture paths and a fake engine Env with B games."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

FIXTURES = Path(__file__).parent / "fixtures"
TINY = FIXTURES / "tiny.yaml"


class FakeEnv:
    """Just enough engine for compiled expressions: arrays by (kind, field, index), and a record
    of every call and effect, so tests can check what an expression asked for and did."""

    def __init__(self, batch: int = 4, month: int = 1923 * 12 + 2, turn: int = 0,
                 structural: float = 0.5):
        self.batch, self.month, self.turn, self.structural = batch, month, turn, structural
        self.values: dict[tuple[str, str, int], np.ndarray] = {}
        self.answers: dict[str, np.ndarray] = {}
        self.calls: list[tuple[str, tuple]] = []
        self.done: list[tuple[str, tuple, np.ndarray]] = []
        self.draws: list[tuple[np.ndarray, int]] = []

    def put(self, kind: str, field: str, index: int, values: list) -> None:
        self.values[(kind, field, index)] = np.asarray(values)

    def get(self, kind: str, field: str, index: int) -> np.ndarray:
        return self.values.get((kind, field, index), np.zeros(self.batch))

    def set(self, kind: str, field: str, index: int, value: np.ndarray, mask: np.ndarray) -> None:
        old = self.get(kind, field, index)
        self.values[(kind, field, index)] = np.where(mask, value, old)

    def call(self, name: str, args: tuple) -> np.ndarray:
        self.calls.append((name, args))
        return self.answers.get(name, np.zeros(self.batch))

    def do(self, name: str, args: tuple, mask: np.ndarray) -> None:
        self.done.append((name, args, mask))

    def chance(self, p: np.ndarray, site: int) -> np.ndarray:
        self.draws.append((p, site))
        return np.array([True, False] * (self.batch // 2) + [True] * (self.batch % 2))


@pytest.fixture
def env() -> FakeEnv:
    return FakeEnv()


@pytest.fixture
def tiny_text() -> str:
    return TINY.read_text(encoding="utf-8")
