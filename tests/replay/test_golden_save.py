"""Golden save: a game saved in format 1 (fixtures/save_format_1.json) still loads, and its
moves still replay to the position it records. If the rules change on purpose, bump the rules
version and refresh it with ``python tests/replay/make_golden_save.py``."""
from game.replay import snapshot
from game.replay.saves import read_document
from game.replay.session import Session

from replay_helpers import FIXTURES

GOLDEN = FIXTURES / "save_format_1.json"


def test_the_format_1_save_loads_from_its_stored_position():
    s = Session.load(GOLDEN, trust_snapshot=True, autosave=False)
    doc = read_document(GOLDEN)
    assert s.turn == doc["turn"] == 11 and s.humans == ("stalin",)
    assert s.origin == {"kind": "replay", "until": 6}
    assert snapshot.digest(s.state) == doc["snapshot"]["digest"]


def test_the_format_1_save_replays_to_the_position_it_records():
    s = Session.load(GOLDEN, autosave=False)
    assert s.warnings == [], (
        "The golden save no longer replays to its recorded position: the rules have changed. "
        "If on purpose, bump the rules version and run python tests/replay/make_golden_save.py.")
    assert [t.to_json() for t in s.turns] == read_document(GOLDEN)["turns"]
    assert any(r.get("choice") == "negotiate" for r in s.records)
