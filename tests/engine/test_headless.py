"""The rules engine, the rivals and the content loader run with no pygame at all."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROGRAM = """
import sys
sys.modules['pygame'] = None          # any 'import pygame' now fails
from game.content.loader import load_scenario
from game.engine.game import Game
from game.ai.play import play_one
g = Game(load_scenario(sys.argv[1]))
state, log = play_one(g, 3)
assert state.over.all()
assert sys.modules['pygame'] is None
print('ok', len(log.records[0]))
"""


def test_engine_plays_a_whole_game_without_pygame():
    tiny = ROOT / "tests" / "engine" / "fixtures" / "tiny.yaml"
    out = subprocess.run([sys.executable, "-c", PROGRAM, str(tiny)], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("ok")
