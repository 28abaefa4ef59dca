"""The lab for the interface: a run it can drive a step at a time, or leave to a thread.

    run = LabRun("campaign", vs=None, runs=2000, seed=1, weights={"structural": 0.3})
    while not run.done:
        progress = run.step()          # one batch of games; 0..1
        ...                            # draw a frame, handle input
    result = run.result                # a LabResult: .summaries, .comparison, .sweep, .write(dir)

or ``run.start()`` (a background thread; read ``run.progress``, ``run.done``, ``run.error``;
``run.cancel()`` stops it at the end of the current month of play).

Settings errors (an unknown scenario, a weight out of range) raise at construction:
``ScenarioError`` (with file and line) or ``LabError`` (a sentence). Nothing here imports pygame.
"""
from __future__ import annotations

import math
import threading
import time
from typing import Optional

import numpy as np

from .record import Runs, play_batch
from .runs import LabError, game_for, meta_of
from .study import LabResult, make_study, run_study


class Cancelled(Exception):
    """The run was cancelled."""


class LabRun:
    def __init__(self, scenario, vs=None, runs: int = 1000, seed: int = 1, weights=None,
                 sweep=None, chunk: Optional[int] = None, difficulty: Optional[str] = None):
        if runs < 1:
            raise LabError("runs must be at least 1")
        if seed < 0:
            raise LabError("seed must be 0 or more")
        self.study = make_study(scenario, vs, runs, seed, weights, sweep, difficulty)
        self._games = [game_for(arm.spec) for arm in self.study.arms]   # errors surface now
        self.chunk = chunk or max(1, min(500, math.ceil(runs / 20)))
        self._tasks = [(k, a, min(a + self.chunk, runs)) for k in range(len(self.study.arms))
                       for a in range(0, runs, self.chunk)]
        self._parts: list[list[Runs]] = [[] for _ in self.study.arms]
        self._total = runs * len(self.study.arms)
        self._done_games = 0
        self._compute = 0.0
        self._wall = 0.0
        self._cancel = False
        self._thread: Optional[threading.Thread] = None
        self.progress = 0.0
        self.result: Optional[LabResult] = None
        self.error: Optional[BaseException] = None

    # ------------------------------------------------------------------ stepping
    @property
    def done(self) -> bool:
        return self.result is not None or self.error is not None

    def step(self) -> float:
        """Play the next batch of games (in this thread); return the progress, 0..1."""
        if self.done:
            return self.progress
        if not self._tasks:
            self._finish()
            return self.progress
        k, a, b = self._tasks[0]
        g, arm = self._games[k], self.study.arms[k]
        seed = self.study.seed
        size = b - a

        def on_turn(t: int) -> None:
            if self._cancel:
                raise Cancelled()
            self.progress = min(0.999, (self._done_games + size * (t + 1) / g.n_turns)
                                / self._total)

        t0 = time.perf_counter()
        try:
            runs, _ = play_batch(g, np.arange(seed + a, seed + b, dtype=np.uint64),
                                 meta_of(g, arm.spec), on_turn=on_turn,
                                 difficulty=arm.spec.difficulty)
        except Cancelled as e:
            self.error = e
            return self.progress
        self._wall += time.perf_counter() - t0
        self._compute += runs.seconds
        self._tasks.pop(0)
        self._parts[k].append(runs)
        self._done_games += size
        self.progress = min(0.999, self._done_games / self._total)
        if not self._tasks:
            self._finish()
        return self.progress

    def _finish(self) -> None:
        parts = []
        for k, chunks in enumerate(self._parts):
            r = Runs.concat(chunks)
            r.meta = meta_of(self._games[k], self.study.arms[k].spec)
            parts.append(r)
        res = LabResult(self.study, parts)
        res.timing = {"games": self._total, "seconds": round(self._wall, 3),
                      "compute_seconds": round(self._compute, 3), "workers": 1,
                      "chunks": sum(len(c) for c in self._parts),
                      "games_per_second": round(self._total / max(self._wall, 1e-9), 1),
                      "games_per_core_second": round(self._total / max(self._compute, 1e-9), 1)}
        self.result = res.finish()
        self.progress = 1.0

    def run(self, workers: int = 1) -> LabResult:
        """Play everything now (``workers`` > 1: on several processes) and return the result."""
        if workers > 1 and not self._parts[0]:
            self.result = run_study(self.study, workers,
                                    progress=lambda f: setattr(self, "progress", min(f, 0.999)))
            self.progress = 1.0
            return self.result
        while not self.done:
            self.step()
        if self.error is not None:
            raise self.error
        return self.result

    # ------------------------------------------------------------------ background
    def start(self) -> threading.Thread:
        """Run in a daemon thread; poll ``progress`` and ``done``."""
        def work():
            try:
                while not self.done:
                    self.step()
            except BaseException as e:          # noqa: BLE001 — handed to the caller
                self.error = e
        self._thread = threading.Thread(target=work, name="lab-run", daemon=True)
        self._thread.start()
        return self._thread

    def cancel(self) -> None:
        """Stop at the end of the month being played (the result stays None)."""
        self._cancel = True

    def join(self, timeout: Optional[float] = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)


__all__ = ["LabRun", "LabResult", "LabError", "Cancelled"]
