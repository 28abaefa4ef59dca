"""Running the lab: many games in batches, on every core, merged in seed order.

Run #i of a lab run with seed S is the game with seed S+i, the same game as a lone game with
that seed (the engine draws every random number from (seed, turn, site)), so the chunking and
the number of worker processes change nothing in the results, and any run can be reopened
alone with :func:`reopen`.

Workers get the scenario by name or path plus the overrides (plain data) and build their own
``Game``; results come back as NumPy columns. Under ``fork`` they inherit the compiled game.
"""
from __future__ import annotations

import math
import multiprocessing as mp
import os
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import Callable, Optional

import numpy as np

from ..content.errors import ScenarioError, did_you_mean
from ..content.schema import Scenario, Weights
from ..engine.game import Game
from ..engine.params import DEFAULTS
from .record import Meta, Runs, play_batch

CHUNK = 2000            # games per batch: big enough to amortise Python, small enough for memory


class LabError(Exception):
    """A mistake in the lab's settings, with a sentence for the user."""


@dataclass(frozen=True)
class Spec:
    """Which games: a scenario (name, path or an in-memory Scenario) and overrides."""
    scenario: object
    overrides: dict = field(default_factory=dict)
    difficulty: Optional[str] = None      # the rivals' level (None: the rivals' default)

    @property
    def key(self) -> str:
        import json
        ref = self.scenario if isinstance(self.scenario, str) else f"<object {id(self.scenario)}>"
        return json.dumps([ref, self.overrides], sort_keys=True)

    def with_overrides(self, more: dict) -> "Spec":
        return Spec(self.scenario, merge(self.overrides, more), self.difficulty)


def check_difficulty(name: Optional[str]) -> Optional[str]:
    """The rivals' difficulty by name, checked against the rivals' own levels."""
    if name is None:
        return None
    try:
        from ..ai.difficulty import level
    except ImportError:
        raise LabError("these computer rivals have no difficulty levels") from None
    try:
        return level(name).name
    except ValueError as e:
        raise LabError(str(e)) from None


def merge(a: dict, b: dict) -> dict:
    """Nested mappings merged, ``b`` winning."""
    out = dict(a)
    for k, v in b.items():
        out[k] = merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


# ------------------------------------------------------------------ settings

WEIGHT_NAMES = tuple(f for f in Weights.__dataclass_fields__)


def setting(name: str, value: float) -> dict:
    """The overrides for one lab setting: ``structural`` (the historiography), a vote-term
    weight (``noise``, ``patronage`` …) or an engine constant (``faction_cost`` …)."""
    if name in ("structural", "historiography.structural"):
        return {"historiography": {"structural": value}}
    short = name.split(".")[-1]
    if short in WEIGHT_NAMES and name in (short, f"weights.{short}", f"model.weights.{short}"):
        return {"model": {"weights": {short: value}}}
    if short in DEFAULTS and name in (short, f"params.{short}", f"model.params.{short}"):
        return {"model": {"params": {short: value}}}
    known = ("structural",) + WEIGHT_NAMES + tuple(DEFAULTS)
    raise LabError(f"unknown setting '{name}' — " + did_you_mean(name, known)
                   + "; settings are structural, the vote weights ("
                   + ", ".join(WEIGHT_NAMES) + ") and the engine constants of game/content/params.py")


def _number(name: str, text: str) -> float:
    try:
        v = float(text)
    except ValueError:
        raise LabError(f"'{name}={text}': the value must be a number, e.g. {name}=0.3") from None
    if not math.isfinite(v):
        raise LabError(f"'{name}={text}': the value must be a finite number")
    return v


def parse_weights(text: str) -> tuple[dict, dict]:
    """``"structural=0.3,noise=0.2"`` -> (overrides, {name: value} as written)."""
    over, plain = {}, {}
    for part in filter(None, (p.strip() for p in (text or "").split(","))):
        if "=" not in part:
            raise LabError(f"'{part}': write settings as name=value, e.g. structural=0.3")
        name, value = (x.strip() for x in part.split("=", 1))
        v = _number(name, value)
        over = merge(over, setting(name, v))
        plain[name] = v
    return over, plain


def parse_sweep(text: str) -> tuple[str, list[float]]:
    """``"structural=0,0.25,0.5"`` -> ("structural", [0.0, 0.25, 0.5])."""
    if not text or "=" not in text:
        raise LabError("write a sweep as name=v1,v2,…, e.g. --sweep structural=0,0.25,0.5,0.75,1")
    name, values = (x.strip() for x in text.split("=", 1))
    setting(name, 0.0)                                   # the name is known
    vals = [_number(name, v.strip()) for v in values.split(",") if v.strip()]
    if not vals:
        raise LabError(f"--sweep {name}=…: give at least one value")
    return name, vals


# ------------------------------------------------------------------ games, cached per process

_GAMES: dict[str, Game] = {}


def game_for(spec: Spec) -> Game:
    """The compiled game for a spec (built once per process). Raises ScenarioError."""
    g = _GAMES.get(spec.key)
    if g is None:
        g = Game(scenario_for(spec))
        if len(_GAMES) > 16:
            _GAMES.clear()
        _GAMES[spec.key] = g
    return g


def scenario_for(spec: Spec) -> Scenario:
    from ..content.loader import load_scenario
    from ..content.overrides import apply_overrides
    sc = spec.scenario if isinstance(spec.scenario, Scenario) else load_scenario(spec.scenario)
    return apply_overrides(sc, spec.overrides) if spec.overrides else sc


def meta_for(spec: Spec) -> Meta:
    return meta_of(game_for(spec), spec)


# ------------------------------------------------------------------ chunks and workers

def plan(runs: int, workers: int, chunk: int = CHUNK) -> list[tuple[int, int]]:
    """Split runs 0..runs-1 into contiguous chunks of at most ``chunk``, a multiple of
    ``workers`` of them so the cores finish together."""
    if runs <= 0:
        return []
    n = max(1, math.ceil(runs / max(1, chunk)))
    if workers > 1:
        n = max(workers, math.ceil(n / workers) * workers)
    n = min(n, runs)
    edges = [round(i * runs / n) for i in range(n + 1)]
    return [(edges[i], edges[i + 1]) for i in range(n)]


def _work(task) -> Runs:
    spec, seeds = task
    g = game_for(spec)
    runs, _ = play_batch(g, seeds, meta_of(g, spec), difficulty=spec.difficulty)
    return runs


def meta_of(g: Game, spec: Spec) -> Meta:
    return Meta.of(g, spec.overrides, spec.difficulty)


def start_method() -> str:
    """``fork`` where it is safe (POSIX, no other threads running): workers inherit the
    compiled game; else ``spawn``."""
    methods = mp.get_all_start_methods()
    if "fork" in methods and sys.platform != "darwin" and threading.active_count() == 1:
        return "fork"
    return "spawn"


@dataclass
class Timing:
    seconds: float = 0.0          # wall clock of the runs
    compute: float = 0.0          # summed over workers: time spent playing
    workers: int = 1
    chunks: int = 0
    games: int = 0


def run_lab(spec: Spec, runs: int, seed: int, workers: int = 1, chunk: int = CHUNK,
            progress: Optional[Callable[[int, int], None]] = None,
            timing: Optional[Timing] = None) -> Runs:
    """Play ``runs`` games with seeds seed, seed+1, … and return their columns in seed order."""
    if runs < 1:
        raise LabError("--runs must be at least 1")
    if seed < 0:
        raise LabError("--seed must be 0 or more")
    g = game_for(spec)                                     # errors surface here, once
    meta = meta_of(g, spec)
    workers = max(1, min(workers, runs))
    if workers > 1 and not isinstance(spec.scenario, str):
        workers = 1                                        # in-memory scenarios stay in-process
    chunks = plan(runs, workers, chunk)
    tasks = [(spec, np.arange(seed + a, seed + b, dtype=np.uint64)) for a, b in chunks]
    t0 = time.perf_counter()
    parts: list[Runs] = []
    done = 0
    if workers == 1:
        results = map(_work, tasks)
        pool = None
    else:
        pool = mp.get_context(start_method()).Pool(workers)
        results = pool.imap(_work, tasks)                  # ordered: seed order
    try:
        for part in results:
            parts.append(part)
            done += part.n
            if progress is not None:
                progress(done, runs)
    except BaseException:                                  # Ctrl-C, a failing worker
        if pool is not None:
            pool.terminate()
            pool.join()
        raise
    if pool is not None:
        pool.close()
        pool.join()
    out = Runs.concat(parts)
    out.meta = meta
    if timing is not None:
        timing.seconds = time.perf_counter() - t0
        timing.compute = out.seconds
        timing.workers, timing.chunks, timing.games = workers, len(chunks), runs
    return out


def single_cost(spec: Spec, seed: int, k: int) -> tuple[float, Runs]:
    """Play ``k`` games one at a time (seeds seed..seed+k-1): seconds per game, and their runs."""
    g = game_for(spec)
    meta = meta_of(g, spec)
    parts = []
    t0 = time.perf_counter()
    for i in range(k):
        parts.append(play_batch(g, [seed + i], meta, difficulty=spec.difficulty)[0])
    return (time.perf_counter() - t0) / max(k, 1), Runs.concat(parts)


class Reopened(tuple):
    """``(game, state, log)``, and ``.runs``: the lab's columns for this lone game."""

    def __new__(cls, g, s, log, runs):
        obj = super().__new__(cls, (g, s, log))
        obj.runs = runs
        return obj


def reopen(scenario, seed: int, overrides: Optional[dict] = None,
           difficulty: Optional[str] = None) -> Reopened:
    """Replay the lab's game with this seed alone, with its full event log:
    ``g, state, log = reopen("campaign", 1042)``. ``overrides`` and ``difficulty`` are the
    lab's (the CSV's overrides and difficulty columns). The game is the same as in the batch,
    move for move."""
    from ..engine.log import Log
    spec = Spec(scenario, dict(overrides or {}), check_difficulty(difficulty))
    g = game_for(spec)
    log = Log(g, 1)
    runs, s = play_batch(g, [seed], meta_of(g, spec), log=log, difficulty=spec.difficulty)
    return Reopened(g, s, log, runs)


def peak_memory() -> dict:
    """Peak resident memory in MiB: this process, and the largest finished worker."""
    try:
        import resource
    except ImportError:                                    # not on this platform
        return {"parent_mib": None, "worker_mib": None}
    unit = 1 / (1024 * 1024) if sys.platform == "darwin" else 1 / 1024
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * unit
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * unit
    return {"parent_mib": round(me, 1), "worker_mib": round(kids, 1)}


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


__all__ = ["Spec", "LabError", "ScenarioError", "run_lab", "reopen", "plan", "parse_weights",
           "parse_sweep", "setting", "single_cost", "peak_memory", "Timing", "cpu_count"]
