"""Measure the computer-played campaign against the texts: the figures of the scenario guide's
section 10.6 that the lab's CSV does not hold (who loses a full seat or a Central Committee
seat, and when; the verdicts on men's views, by year and at the Thirteenth Conference).

    python tests/history/measure_campaign.py [--games 300] [--seed 1]

Seeds seed..seed+games-1 at the normal level, every seat computer-played (the lab's games,
run #i = seed+i). The lab's own columns (blocs, falls, expulsions, posts) come from
``python -m game whatif --scenario campaign --runs 300 --seed 1 --out DIR``.
"""
from __future__ import annotations

import argparse
from collections import Counter

import numpy as np

from game.ai.play import play
from game.content.loader import load_scenario
from game.engine.game import Game
from game.engine.log import Log
from game.engine.state import BODY

LEFT = ("trotsky", "zinoviev", "kamenev")


class FirstTurn:
    """The first turn each game finds ``person`` outside ``body`` (-1: never)."""

    def __init__(self, g: Game, n: int, body: str):
        self.g, self.body = g, BODY[body]
        self.turn = {p: np.full(n, -1) for p in LEFT}

    def __call__(self, s) -> None:
        for p, first in self.turn.items():
            out = ~s.member[:, self.g.pidx[p], self.body] & (first < 0)
            first[out] = s.turn

    def line(self, p: str, n: int) -> str:
        t = self.turn[p][self.turn[p] >= 0]
        when = self.g.date(int(np.median(t))) if len(t) else "-"
        return f"{len(t) / n:.0%}, median {when}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--games", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    g = Game(load_scenario("campaign"))
    n = args.games
    seeds = np.arange(args.seed, args.seed + n, dtype=np.uint64)
    full, cc = FirstTurn(g, n, "politburo"), FirstTurn(g, n, "central_committee")
    log = Log(g, n)

    def on_turn(s) -> None:
        full(s)
        cc(s)

    s = play(g, seeds, log, on_turn=on_turn)
    jan_1926 = next(t for t in range(g.n_turns) if g.date(t) == "1926-01")
    print(f"{n} games, seeds {args.seed}-{args.seed + n - 1}, normal")
    for p in LEFT:
        fell = s.fell_turn[:, g.pidx[p]]
        out = fell[fell >= 0]
        print(f"{p}: out of the full seats {full.line(p, n)}; out of the Politburo "
              f"{len(out) / n:.0%}, median {g.date(int(np.median(out))) if len(out) else '-'};"
              f" out of the Central Committee {cc.line(p, n)}; expelled "
              f"{s.expelled[:, g.pidx[p]].mean():.0%}")
    kept = full.turn["trotsky"]
    print(f"Trotsky keeps his full seat through 1925: {((kept < 0) | (kept >= jan_1926)).mean():.0%}")
    by_year, thirteenth = Counter(), 0
    for b in range(n):
        for r in log.records[b]:
            if r["kind"] == "vote" and "adopts the motion condemning" in r["text"]:
                by_year[r["date"][:4]] += 1
                thirteenth += r["date"] == "1924-01" and "Leon Trotsky's views" in r["text"]
    years = ", ".join(f"{y}: {v / n:.2f}" for y, v in sorted(by_year.items()))
    print(f"verdicts on men's views a game: {years}; {sum(by_year.values()) / n:.2f} in all")
    print(f"Trotsky condemned by the Thirteenth Conference: {thirteenth} of {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
