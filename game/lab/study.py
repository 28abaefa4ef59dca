"""A lab study: one scenario, a what-if against its base, or a sweep over one setting.

Each *arm* is a set of runs with the same seeds (seed, seed+1, …): arms differ only in the
scenario or the setting, never in luck, which makes their differences sharper ("common random
numbers"). ``run_study`` plays every arm (on several cores) and returns a :class:`LabResult`
with the summaries, the comparison or the sweep table, and the timing.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Callable, Optional

import numpy as np

from . import summary as _summary
from .record import Runs
from .runs import (CHUNK, LabError, Spec, Timing, check_difficulty, parse_sweep, parse_weights,
                   run_lab, setting)


@dataclass(frozen=True)
class Arm:
    label: str          # how the report names it
    spec: Spec
    setting: str = ""   # e.g. "structural=0.25" in a sweep (the CSV's setting column)


@dataclass(frozen=True)
class Study:
    kind: str                       # "single", "compare" or "sweep"
    arms: tuple[Arm, ...]
    runs: int
    seed: int
    weights: dict = field(default_factory=dict)   # as written: {"structural": 0.3}
    sweep_name: str = ""
    sweep_values: tuple[float, ...] = ()


def make_study(scenario, vs=None, runs: int = 1000, seed: int = 1, weights=None,
               sweep=None, difficulty: Optional[str] = None) -> Study:
    """Build a study from the command line's (or the interface's) settings. ``weights`` is a
    text ``"structural=0.3,noise=0.2"`` or a mapping {name: value}; ``sweep`` a text
    ``"structural=0,0.5,1"`` or a pair (name, values)."""
    if isinstance(weights, str) or weights is None:
        over, plain = parse_weights(weights or "")
    else:
        over, plain = {}, {}
        for k, v in dict(weights).items():
            over = _merge(over, setting(k, float(v)))
            plain[k] = float(v)
    level = check_difficulty(difficulty)
    label = lambda sc: sc if isinstance(sc, str) else getattr(sc, "id", "scenario")  # noqa: E731
    short = lambda sc: short_name(label(sc))                                               # noqa: E731
    if sweep and vs is not None:
        raise LabError("a sweep and --vs cannot be combined: sweep one scenario at a time")
    if sweep:
        name, values = parse_sweep(sweep) if isinstance(sweep, str) else (sweep[0], list(sweep[1]))
        arms = tuple(Arm(f"{name} = {v:g}", Spec(scenario, _merge(over, setting(name, v)), level),
                         f"{name}={v:g}") for v in values)
        return Study("sweep", arms, runs, seed, plain, name, tuple(values))
    main = Arm(short(scenario), Spec(scenario, over, level))
    if vs is None:
        return Study("single", (main,), runs, seed, plain)
    base = Arm(short(vs), Spec(vs, over, level))
    if base.label == main.label:
        base = Arm(base.label + " (base)", base.spec)
    return Study("compare", (main, base), runs, seed, plain)


def short_name(ref: str) -> str:
    """A scenario reference (a name or a path) as its bare name: "campaign"."""
    import os
    name = os.path.basename(ref)
    for suffix in (".yaml", ".yml"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name


def _merge(a: dict, b: dict) -> dict:
    from .runs import merge
    return merge(a, b)


@dataclass
class LabResult:
    study: Study
    runs: list[Runs]                     # one per arm, seed order
    timing: dict = field(default_factory=dict)
    summaries: list[dict] = field(default_factory=list)
    comparison: Optional[dict] = None
    sweep: Optional[dict] = None

    @property
    def kind(self) -> str:
        return self.study.kind

    def finish(self) -> "LabResult":
        self.summaries = [_summary.summarise(r) for r in self.runs]
        if self.kind == "compare":
            self.comparison = _summary.compare(self.runs[0], self.runs[1])
        if self.kind == "sweep":
            self.sweep = _summary.sweep_table(
                self.study.sweep_name, list(zip(self.study.sweep_values, self.runs)))
        return self

    def names(self) -> list[str]:
        """How the report, its charts and the lab screen name each arm: by the scenarios' short
        titles; a sweep by its settings."""
        if self.kind == "sweep":
            return [a.label for a in self.study.arms]
        if self.kind == "compare":
            return list(_summary.arm_names(self.runs[0].meta, self.runs[1].meta))
        return [self.runs[0].meta.short_title or self.study.arms[0].label]

    def as_json(self) -> dict:
        st = self.study
        out = {"lab": "Politburo 1922–1929 what-if lab", "kind": st.kind, "runs": st.runs,
               "seed": st.seed, "seeds": [st.seed, st.seed + st.runs - 1],
               "weights": st.weights, "numpy": np.__version__,
               "arms": [{"label": a.label, "setting": a.setting,
                         "scenario": s["scenario"], "summary": s}
                        for a, s in zip(st.arms, self.summaries)]}
        if self.comparison is not None:
            out["comparison"] = self.comparison
        if self.sweep is not None:
            out["sweep"] = self.sweep
        out["timing"] = self.timing
        return out

    def json_text(self) -> str:
        return json.dumps(self.as_json(), indent=1, ensure_ascii=False, sort_keys=False) + "\n"

    def write(self, out_dir) -> dict:
        """CSV, summary JSON, charts and the HTML report into ``out_dir``; returns the paths."""
        from .report import write_all
        return write_all(self, out_dir)


def run_study(study: Study, workers: int = 1, chunk: int = CHUNK,
              progress: Optional[Callable[[float], None]] = None) -> LabResult:
    """Play every arm of the study; the result has its summaries computed."""
    parts, totals = [], Timing()
    n_arms = len(study.arms)
    for k, arm in enumerate(study.arms):
        t = Timing()
        step = (lambda done, total, k=k: progress((k + done / total) / n_arms)) if progress else None
        parts.append(run_lab(arm.spec, study.runs, study.seed, workers, chunk, step, t))
        totals.seconds += t.seconds
        totals.compute += t.compute
        totals.games += t.games
        totals.workers, totals.chunks = t.workers, totals.chunks + t.chunks
    res = LabResult(study, parts)
    res.timing = {"games": totals.games, "seconds": round(totals.seconds, 3),
                  "compute_seconds": round(totals.compute, 3), "workers": totals.workers,
                  "chunks": totals.chunks,
                  "games_per_second": round(totals.games / max(totals.seconds, 1e-9), 1),
                  "games_per_core_second": round(totals.games / max(totals.compute, 1e-9), 1)}
    return res.finish()
