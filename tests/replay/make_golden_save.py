"""Write the golden save of save format 1: ``python tests/replay/make_golden_save.py``.

Run it only when the rules change on purpose (and bump the rules version then): the test
``test_golden_save.py`` replays this file and insists on reaching the position it records.
Keep one file per save format; a new format gets a new file beside the old ones.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parents[1]), str(HERE)]

from replay_helpers import FIXTURES, SCRIPTED, human_moves  # noqa: E402

GOLDEN = FIXTURES / "save_format_1.json"


def make():
    from game.replay.session import Session
    s = Session.from_replay(SCRIPTED, 6, humans={"stalin"}, seed=1922, autosave=False)
    for _ in range(5):
        s.play_turn(human_moves(s, "stalin"), {"strike_wave": "negotiate"})
    return s


if __name__ == "__main__":
    os.environ.setdefault("POLITBURO_HOME", tempfile.mkdtemp(prefix="politburo-golden-"))
    print(make().save(GOLDEN))
    # saving keeps the previous file as .bak (game.replay.files); a fixture needs no spare
    GOLDEN.with_name(GOLDEN.name + ".bak").unlink(missing_ok=True)
