"""The compiled rules made ready before they are needed: ``python -m game warm``.

The hottest rules and valuations are loops compiled on first use (game.engine.jit) and kept
on disk. The first use on a machine compiles them all, which takes most of a minute; every
later start only loads them. The game starts this command in a separate process when its
window opens, so that the compiling is done while the player reads the title screen, and a
first turn does not wait for it. It plays whole games with the computer at every seat, a lone
game and a small batch (whose arrays a compiled loop may see in another layout), so that
every loop the rules reach is compiled.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from typing import Optional

import numpy as np


def warm(scenario: str = "campaign") -> float:
    """Play a lone game and a batch of three to the end; return the seconds it took."""
    from ..content.loader import load_scenario
    from ..engine.game import Game
    from .play import play
    t0 = time.perf_counter()
    g = Game(load_scenario(scenario))
    play(g, np.array([1], dtype=np.uint64))
    play(g, np.array([2, 3, 4], dtype=np.uint64))
    return time.perf_counter() - t0


def warm_in_background() -> Optional[subprocess.Popen]:
    """Start ``python -m game warm`` in its own process (quiet); None if it cannot start."""
    try:
        return subprocess.Popen([sys.executable, "-m", "game", "warm", "--quiet"],
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
    except OSError:
        return None


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m game warm",
                                 description="compile the rules' loops ahead of need")
    ap.add_argument("--scenario", default="campaign")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    seconds = warm(args.scenario)
    if not args.quiet:
        print(f"rules compiled and ready ({seconds:.1f} s)")
    return 0
