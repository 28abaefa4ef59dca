"""How strong the rivals are: ``python -m game strength --scenario NAME --games N``.

Plays N seeded games with every leader computer-played (the spread of outcomes), then, for each
role and difficulty, N games with a scripted stand-in (game.ai.policies) in that role, and
prints the outcome shares and the stand-in's win rate. Same arguments, same table.
"""
from __future__ import annotations

import argparse
import sys
import time
from typing import Optional

import numpy as np

from ..engine.env import Env
from .difficulty import ORDER
from .play import play


def role_wins(g, s) -> np.ndarray:
    """[B,V] each role has won (its win aims hold at the end and it has not lost)."""
    env = Env(g, s)
    out = ~s.lost & s.over[:, None]
    for v in range(len(g.role_ids)):
        for aim in g.win_aims[v]:
            out[:, v] &= np.asarray(aim.fn(env), dtype=bool)
    return out


def shares(g, s) -> dict[str, float]:
    n = np.bincount(s.outcome[s.outcome >= 0], minlength=len(g.outcomes))
    return {k: float(v) / max(s.batch, 1) for k, v in zip(g.outcomes, n)}


def run(g, games: int, seed: int, difficulty: str, role: Optional[str] = None,
        policy: str = "apparatus") -> dict:
    seeds = seed * 1_000_003 + np.arange(games)
    t0 = time.perf_counter()
    s = play(g, seeds, difficulty=difficulty, seat=role, scripted=policy if role else None)
    wins = role_wins(g, s)
    out = {"seconds": time.perf_counter() - t0, "outcomes": shares(g, s),
           "role_wins": {r: float(wins[:, v].mean()) for v, r in enumerate(g.role_ids)}}
    if role is not None and role in g.role_ids:
        out["win_rate"] = out["role_wins"][role]
    return out


def _fmt_shares(d: dict, width: int = 9) -> str:
    return "".join(f"{v:>{width}.0%}" for v in d.values())


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m game strength",
                                 description="Outcome shares and a scripted player's win rate "
                                             "per role and difficulty.")
    ap.add_argument("--scenario", required=True)
    ap.add_argument("--games", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--roles", default="stalin,trotsky",
                    help="comma-separated roles for the scripted player ('' for none)")
    ap.add_argument("--difficulties", default=",".join(ORDER))
    ap.add_argument("--policy", default="apparatus", help="the scripted player's policy")
    args = ap.parse_args(argv)
    from ..content.loader import load_or_report
    from ..engine.game import Game
    scenario = load_or_report(args.scenario)
    if scenario is None:
        return 2
    g = Game(scenario)
    difs = [d for d in args.difficulties.split(",") if d]
    roles = [r for r in args.roles.split(",") if r]
    for r in roles:
        if r not in g.pidx:
            print(f"unknown role {r!r}", file=sys.stderr)
            return 2
    head = "".join(f"{k[:8]:>9}" for k in g.outcomes)
    print(f"{g.scenario.title} — {args.games} games per line, seed {args.seed}")
    print(f"{'every leader computer-played':<34}{head}")
    for d in difs:
        res = run(g, args.games, args.seed, d)
        print(f"  {d:<32}{_fmt_shares(res['outcomes'])}   ({res['seconds']:.0f} s, "
              f"{args.games / res['seconds']:.0f} games/s)")
    for r in roles:
        print(f"{'scripted ' + args.policy + ' as ' + r:<34}{head}{'win rate':>10}")
        for d in difs:
            res = run(g, args.games, args.seed, d, r, args.policy)
            rate = res.get("win_rate")
            rate_s = f"{rate:>10.0%}" if rate is not None else f"{'-':>10}"
            print(f"  {d:<32}{_fmt_shares(res['outcomes'])}{rate_s}   "
                  f"({res['seconds']:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
