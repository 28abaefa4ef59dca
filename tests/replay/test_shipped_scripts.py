"""Every shipped scenario with a historical script replays to its end with no script move
refused, and its replay saves and loads like any game."""
import pytest

from game.content.loader import list_scenarios, load_scenario
from game.replay import snapshot
from game.replay.script import historical
from game.replay.session import Session


def _scripted():
    out = []
    for sid, _desc, path, _label in list_scenarios():
        try:
            sc = load_scenario(path)
        except Exception:            # noqa: BLE001 — the content tests report broken files
            continue
        if sc.script:
            out.append(pytest.param(sc, id=sid))
    return out or [pytest.param(None, marks=pytest.mark.skip("no scenario has a script yet"))]


@pytest.mark.parametrize("scenario", _scripted())
def test_the_historical_replay_plays_every_script_move(tmp_path, scenario):
    s = historical(scenario, seed=1)
    assert s.over
    refused = [f"{r['date']} {r['text']}" for r in s.records if r["kind"] == "refused"]
    assert refused == [], "script moves the rules refused:\n" + "\n".join(refused)
    again = Session.load(s.save(tmp_path / "history.json"), strict=True)
    assert snapshot.digest(again.state) == snapshot.digest(s.state)
