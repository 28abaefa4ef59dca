"""Same scenario, seed and moves: the same log, byte for byte; game i of a batch is the same
game as a lone game with that seed."""
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import numpy as np

from game.ai.play import play, play_one
from game.engine.log import Log

ROOT = Path(__file__).resolve().parents[2]
TINY = ROOT / "tests" / "engine" / "fixtures" / "tiny.yaml"

HASH_PROGRAM = """
import hashlib, sys
from game.content.loader import load_scenario
from game.engine.game import Game
from game.ai.play import play_one
g = Game(load_scenario(sys.argv[1]))
state, log = play_one(g, int(sys.argv[2]))
print(hashlib.sha256(log.lines(0).encode()).hexdigest())
"""


def test_the_same_seed_gives_the_same_log_twice_in_one_process(tiny):
    a = play_one(tiny, 7)[1].lines(0)
    b = play_one(tiny, 7)[1].lines(0)
    assert a == b and len(a) > 1000


def test_different_seeds_give_different_games(tiny):
    assert play_one(tiny, 1)[1].lines(0) != play_one(tiny, 2)[1].lines(0)


def test_the_same_seed_gives_the_same_log_across_processes(tiny):
    here = hashlib.sha256(play_one(tiny, 11)[1].lines(0).encode()).hexdigest()
    digests = set()
    for hashseed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=hashseed)
        out = subprocess.run([sys.executable, "-c", HASH_PROGRAM, str(TINY), "11"], cwd=ROOT,
                             env=env, capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr
        digests.add(out.stdout.strip())
    assert digests == {here}


def test_game_i_of_a_batch_is_the_lone_game_with_that_seed(tiny):
    seeds = np.array([3, 5, 8, 13, 21])
    log = Log(tiny, len(seeds))
    batch = play(tiny, seeds, log)
    for i, seed in enumerate(seeds):
        lone, lone_log = play_one(tiny, int(seed))
        assert log.lines(i) == lone_log.lines(0)
        for name, arr in batch.arrays().items():
            assert np.array_equal(arr[i], getattr(lone, name)[0]), name
