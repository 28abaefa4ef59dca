"""Saves, replays and the debrief need no window: importing them never imports pygame."""
import subprocess
import sys

from replay_helpers import ROOT

PROGRAM = """
import sys
import game.replay.cli, game.replay.debrief, game.replay.saves, game.replay.script
import game.replay.session, game.replay.watch
print("pygame" in sys.modules)
"""


def test_the_replay_package_never_imports_pygame():
    out = subprocess.run([sys.executable, "-c", PROGRAM], cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"
