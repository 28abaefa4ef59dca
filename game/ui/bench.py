"""``python -m game bench-ui``: draw the main screen for 600 frames at 1280x720 (no window) and
print the median and 95th percentile frame times.

The main screen is the game screen once a game can be started (see screens/modes.py); until
then the title screen stands in. Frames are not capped: the time is the cost of one ``step()``
(events, update, draw), with the pointer moving so that hover effects are exercised.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(len(ordered) - 1, int(k) + 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def target(app):
    """Put the app on the main screen; returns its name."""
    try:
        from game.ui.screens import modes
        name = modes.bench_target(app)
        if name:
            return name
    except ImportError:
        pass
    from game.ui.screens.title import TitleScreen
    app.reset(TitleScreen(app))
    return "title (stand-in for the game screen)"


def run(frames: int = 600, size=(1280, 720)) -> dict:
    import pygame
    from game.ui.app import App
    from game.ui.settings import Settings

    app = App(Settings(window=size), persist=False)
    name = target(app)
    for _ in range(5):
        app.step(1 / 60)
    times = []
    w, h = size
    for i in range(frames):
        pos = (int(w * (0.1 + 0.8 * ((i * 7) % 100) / 100)), int(h * (0.2 + 0.6 * ((i * 3) % 100) / 100)))
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(1, 1), buttons=(0, 0, 0)))
        t0 = time.perf_counter()
        app.step(1 / 60)
        times.append((time.perf_counter() - t0) * 1000.0)
    return {"screen": name, "frames": frames, "p50_ms": percentile(times, 0.5),
            "p95_ms": percentile(times, 0.95), "max_ms": max(times)}


def startup(runs: int = 3) -> dict:
    """Time ``python -m game play --time-startup`` (a fresh process up to the drawn main menu):
    the best wall time and its CPU time (children's user + system) over a few runs."""
    import resource
    import subprocess
    best = None
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "game", "play", "--time-startup"], capture_output=True,
                              text=True, env=dict(os.environ))
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if done.returncode != 0:
            return {"error": (done.stderr or done.stdout).strip().splitlines()[-1:]}
        if best is None or wall < best["wall_s"]:
            best = {"wall_s": wall, "cpu_s": cpu, "note": done.stdout.strip().splitlines()[-1:]}
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m game bench-ui", description="Time the drawing of the main screen.")
    parser.add_argument("--frames", type=int, default=600)
    parser.add_argument("--no-startup", action="store_true", help="skip timing the start to the main menu")
    args = parser.parse_args(argv)
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    os.environ.setdefault("POLITBURO_HOME", tempfile.mkdtemp(prefix="politburo-bench-"))
    cpu0 = time.process_time()
    r = run(args.frames)
    cpu = time.process_time() - cpu0
    print(f"bench-ui: {r['screen']}, {r['frames']} frames at 1280x720")
    print(f"p50 {r['p50_ms']:.2f} ms   p95 {r['p95_ms']:.2f} ms   max {r['max_ms']:.2f} ms"
          f"   (CPU {cpu:.2f} s for the whole run, setup included)")
    if not args.no_startup:
        s = startup()
        if "error" in s:
            print(f"startup: could not be timed: {s['error']}")
        else:
            print(f"startup to the main menu: {s['wall_s']:.2f} s wall, {s['cpu_s']:.2f} s CPU (best of 3)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
