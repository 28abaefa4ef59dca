"""How fast the rivals decide: ``python -m game bench-ai --scenario NAME [--batch 2000]``.

Prints the rivals' decision time per turn for one game (mean and worst turn, wall clock and
process time) and the throughput of whole batches (games per second, and the share of the time
spent in the rivals' decisions, the players' preview of the turn's events, and the engine, and
the throughput the engine and the preview alone would allow: the ceiling of any speed-up of
the rivals).
"""
from __future__ import annotations

import argparse
import sys
import time
from typing import Optional

import numpy as np

from .play import preview
from .rivals import Rivals


def decision_times(g, seed: int = 1, difficulty: str = "normal") -> dict:
    """Per-turn decision times (ms) over one whole game."""
    r = Rivals(g, difficulty)
    s = g.new_state([seed])
    wall, cpu = [], []
    while not s.over.all():
        view = preview(g, s, r.choose)
        t0, c0 = time.perf_counter(), time.process_time()
        rows = r.moves(view)
        wall.append(1000 * (time.perf_counter() - t0))
        cpu.append(1000 * (time.process_time() - c0))
        g.step(s, rows, chooser=r.choose)
    return {"turns": len(wall), "wall_mean": float(np.mean(wall)),
            "wall_max": float(np.max(wall)), "cpu_mean": float(np.mean(cpu)),
            "cpu_max": float(np.max(cpu)), "cpu_p90": float(np.percentile(cpu, 90))}


def throughput(g, batch: int, difficulty: str = "normal") -> dict:
    """A whole batch of games: games per second and where the time goes."""
    r = Rivals(g, difficulty)
    s = g.new_state(np.arange(batch))
    clock = time.process_time          # this process's own time: fair on a shared machine
    t_ai = t_view = t_step = 0.0
    w0 = time.perf_counter()
    while not s.over.all():
        t0 = clock()
        view = preview(g, s, r.choose)
        t1 = clock()
        rows = r.moves(view)
        t2 = clock()
        g.step(s, rows, chooser=r.choose)
        t3 = clock()
        t_view, t_ai, t_step = t_view + t1 - t0, t_ai + t2 - t1, t_step + t3 - t2
    total = t_ai + t_view + t_step
    return {"games_per_s": batch / total, "seconds": total, "rivals": t_ai / total,
            "preview": t_view / total, "engine": t_step / total,
            "rivals_ms_per_turn": 1000 * t_ai / g.n_turns,
            "without_rivals_games_per_s": batch / max(t_view + t_step, 1e-9),
            "wall_games_per_s": batch / (time.perf_counter() - w0)}


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m game bench-ai",
                                 description="Time the computer rivals' decisions.")
    ap.add_argument("--scenario", required=True)
    ap.add_argument("--batch", type=int, default=2000)
    ap.add_argument("--difficulty", default="normal")
    args = ap.parse_args(argv)
    from ..content.loader import load_or_report
    from ..engine.game import Game
    scenario = load_or_report(args.scenario)
    if scenario is None:
        return 2
    g = Game(scenario)
    d = decision_times(g, difficulty=args.difficulty)
    print(f"{g.scenario.title}: {g.n_turns} turns, {int(g.leaders.sum())} computer leaders")
    print(f"one game: the rivals decide in {d['wall_mean']:.1f} ms a turn "
          f"(worst turn {d['wall_max']:.1f} ms; process time {d['cpu_mean']:.1f} ms, "
          f"9 turns in 10 under {d['cpu_p90']:.1f} ms, worst {d['cpu_max']:.1f} ms)")
    if args.batch > 0:
        b = throughput(g, args.batch, args.difficulty)
        print(f"batch of {args.batch}: {b['games_per_s']:.1f} games/s of process time "
              f"({b['seconds']:.1f} s; {b['wall_games_per_s']:.1f} games/s by the wall clock); "
              f"rivals {b['rivals']:.0%} ({b['rivals_ms_per_turn']:.0f} ms a turn), "
              f"preview of events {b['preview']:.0%}, engine {b['engine']:.0%}")
        print(f"  the ceiling were the rivals' decisions free: "
              f"{b['without_rivals_games_per_s']:.0f} games/s of process time a core "
              f"(the engine and the preview alone)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
