"""Paths and sizes shared by the lab's tests (imported by name, like tests/ui's helpers)."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TINY = str(ROOT / "tests" / "engine" / "fixtures" / "tiny.yaml")
FIXTURES = Path(__file__).parent / "fixtures"
STALIN_ALONE = str(FIXTURES / "stalin_alone.yaml")        # known answer: Stalin always leads
TROTSKY_POPULAR = str(FIXTURES / "trotsky_popular.yaml")  # a what-if to compare with its base

RUNS = 20
SEED = 100
