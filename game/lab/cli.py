"""``python -m game whatif``: thousands of games headless, a table with intervals, a report.

    python -m game whatif --scenario campaign --runs 10000 --seed 1 --out lab/
    python -m game whatif --scenario lenin_lives --vs campaign --runs 5000 --seed 1
    python -m game whatif --scenario campaign --sweep structural=0,0.25,0.5,0.75,1 --runs 2000
    python -m game whatif --scenario campaign --weights structural=0.3,noise=0.2 --runs 2000
"""
from __future__ import annotations

import argparse
import sys
import time
from typing import Optional

import numpy as np

from ..content.errors import ScenarioError
from . import text
from .runs import CHUNK, LabError, cpu_count, peak_memory, single_cost
from .study import LabResult, make_study, run_study


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="python -m game whatif",
        description="Run a scenario many times with computer players in every seat; print the "
                    "spread of outcomes with 95%% intervals; write CSV, JSON and a report.")
    ap.add_argument("--scenario", required=True, help="scenario name or file (a what-if too)")
    ap.add_argument("--vs", help="compare against this scenario (usually the what-if's base)")
    ap.add_argument("--runs", type=int, default=1000, help="games per scenario (default 1000)")
    ap.add_argument("--seed", type=int, default=1, help="run #i plays seed SEED+i (default 1)")
    ap.add_argument("--weights", default="",
                    help="settings, e.g. structural=0.3,noise=0.2 (historiography, vote "
                         "weights, engine constants)")
    ap.add_argument("--sweep", help="one setting over several values, e.g. "
                                    "structural=0,0.25,0.5,0.75,1")
    ap.add_argument("--difficulty", help="the computer rivals' level (easy, normal, hard)")
    ap.add_argument("--out", help="write runs.csv, summary.json, charts/ and report.html here")
    ap.add_argument("--compare-single", type=int, default=0, metavar="K",
                    help="also play K games one at a time and print the cost ratio")
    ap.add_argument("--workers", type=int, default=0,
                    help=f"processes (default: every core, here {cpu_count()})")
    ap.add_argument("--chunk", type=int, default=CHUNK, help=f"games per batch (default {CHUNK})")
    ap.add_argument("--profile", type=int, default=0, metavar="N",
                    help="profile the run in this process and print the N hottest functions")
    ap.add_argument("--quiet", action="store_true", help="print only the outcome table")
    return ap


def main(argv: Optional[list[str]] = None) -> int:
    args = parser().parse_args(argv)
    try:
        return _run(args)
    except LabError as e:
        print(f"whatif: {e}", file=sys.stderr)
    except KeyboardInterrupt:
        print("whatif: interrupted", file=sys.stderr)
        return 130
    except ScenarioError as e:
        for p in e.problems:
            where = "--weights/--sweep" if p.file == "<overrides>" else f"{p.file}:{p.line}:{p.col}"
            print(f"{where}: {p.message}" + (f" — {p.fix}" if p.fix else ""), file=sys.stderr)
    return 2


def _run(args) -> int:
    if args.runs < 1:
        raise LabError("--runs must be at least 1")
    if args.compare_single < 0 or args.workers < 0 or args.chunk < 1:
        raise LabError("--compare-single, --workers and --chunk must be positive")
    study = make_study(args.scenario, args.vs, args.runs, args.seed, args.weights, args.sweep,
                       args.difficulty)
    workers = args.workers or cpu_count()
    if args.profile:
        return _profile(study, args)
    single = None
    if args.compare_single:        # first: the lone games and the batch then run the same code
        k = min(args.compare_single, args.runs)
        single = single_cost(study.arms[0].spec, study.seed, k)
    tty = sys.stderr.isatty() and not args.quiet
    result = run_study(study, workers, args.chunk, _progress if tty else None)
    if tty:
        print(" " * 60, end="\r", file=sys.stderr)
    print(report_text(result, args.quiet))
    if single is not None:
        print(compare_single(result, *single))
    result.timing["peak_memory_mib"] = peak_memory()      # before the files: the runs' peak
    if args.out:
        paths = result.write(args.out)
        print(f"Wrote {paths['csv']}, {paths['summary']}, {paths['charts']}/ and "
              f"{paths['report']}")
    if not args.quiet:
        mem = peak_memory()
        print(f"Peak memory: {mem['parent_mib']} MiB in this process; largest worker "
              f"{mem['worker_mib']} MiB.")
    return 0


def _progress(frac: float) -> None:
    print(f"  playing… {frac * 100:5.1f}%", end="\r", file=sys.stderr, flush=True)


def report_text(result: LabResult, quiet: bool = False) -> str:
    st, t = result.study, result.timing
    s0 = result.summaries[0]
    lines = []
    if not quiet:
        n_turns = len(s0["fans"]["dates"])
        lines.append(f"What-if lab — {s0['title']} ({s0['first_date']} to {s0['last_date']}, "
                     f"{n_turns} turns), seeds {st.seed}–{st.seed + st.runs - 1}"
                     + (f", settings {', '.join(f'{k}={v:g}' for k, v in st.weights.items())}"
                        if st.weights else "")
                     + (f", rivals {s0['difficulty']}" if s0.get("difficulty") else ""))
        lines.append(
            f"Played {t['games']:,} complete games in {t['seconds']:.2f} s: "
            f"{t['games_per_second']:,.0f} games/s overall, "
            f"{t['games_per_second'] / max(t['workers'], 1):,.0f} games/s per core "
            f"({t['workers']} worker{'s' if t['workers'] > 1 else ''}, {t['chunks']} batches; "
            f"{t['games_per_core_second']:,.0f} games per core-second of play).")
        lines.append("")
    if st.kind == "sweep":
        lines.append(f"Who leads at the end, by {st.sweep_name} (share of games, 95% interval):")
        lines.append(text.sweep(result.sweep))
        return "\n".join(lines)
    for arm, s in zip(st.arms, result.summaries):
        if len(result.summaries) > 1:
            lines.append(f"== {arm.label} ==")
        lines.append(text.outcomes(s))
        if not quiet:
            lines += ["", text.events(s), "", text.indicators(s), ""]
    if st.kind == "compare":
        lines.append(f"== {st.arms[0].label} against {st.arms[1].label} ==")
        lines.append(text.comparison(result.comparison, st.arms[0].label, st.arms[1].label))
    return "\n".join(lines).rstrip()


def compare_single(result: LabResult, per_single: float, lone) -> str:
    """The first runs played one at a time (``single_cost``) against the batch: cost per game,
    and whether they are the same games."""
    batch, k = result.runs[0], lone.n
    t = result.timing
    wall = t["seconds"] / max(t["games"], 1)
    core = t["compute_seconds"] / max(t["games"], 1)
    same = (np.array_equal(lone.outcome, batch.outcome[:k])
            and np.array_equal(lone.history, batch.history[:, :k], equal_nan=True))
    result.timing["single"] = {"games": k, "seconds_per_game": round(per_single, 5),
                               "ratio_wall": round(per_single / wall, 1),
                               "ratio_per_core": round(per_single / core, 1),
                               "same_games": bool(same)}
    return (f"One at a time: {k} games at {per_single * 1000:.1f} ms each; in the batch "
            f"{wall * 1000:.2f} ms each (wall clock, all cores) or {core * 1000:.2f} ms per "
            f"core. Batching is {per_single / wall:,.1f}× cheaper per game overall, "
            f"{per_single / core:,.1f}× per core. The lone games are runs #0–{k - 1} move for "
            f"move: {'yes' if same else 'NO — please report this'}.")


def _profile(study, args) -> int:
    import cProfile
    import io
    import pstats
    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    result = run_study(study, 1, args.chunk)
    prof.disable()
    print(report_text(result, quiet=True))
    print(f"\nProfiled {result.timing['games']:,} games in one process "
          f"({time.perf_counter() - t0:.1f} s with the profiler on).")
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(args.profile)
    print("Hottest functions by own time:")
    print(_trim(out.getvalue()))
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(args.profile)
    print("By cumulative time:")
    print(_trim(out.getvalue()))
    return 0


def _trim(report: str) -> str:
    """Drop pstats' preamble and the folders of file names (keep from the package on)."""
    import re
    lines = report.splitlines()
    start = next((i for i, l in enumerate(lines) if l.strip().startswith("ncalls")), 0)
    short = lambda m: re.sub(r"^.*?/(site-packages|game)/", lambda k: (                 # noqa: E731
        "" if k.group(1) == "site-packages" else "game/"), m.group(0))
    return "\n".join(re.sub(r"\S*/\S+\.py", short, line) for line in lines[start:]).rstrip()
