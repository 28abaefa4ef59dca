"""A saved game loads to exactly the game that was saved: in this process, in a new process,
and from the stored position; the file says what it holds and is written so it is never lost."""
import os
import subprocess
import sys

import pytest

from game.replay import files, snapshot
from game.replay.saves import SaveError, describe, list_saves, read_document
from game.replay.session import Session

from replay_helpers import ROOT, SCRIPTED, human_moves

LOAD_PROGRAM = """
import sys
from game.replay.session import Session
from game.replay.snapshot import digest
for path in sys.argv[1:]:
    s = Session.load(path, strict=True, autosave=False)
    print(digest(s.state), len(s.log.records[0]), s.warnings == [])
"""


def _play_saving_every_turn(tmp_path, seed=4, humans=("stalin",)):
    s = Session.new(SCRIPTED, seed=seed, humans=humans, autosave=False)
    paths, digests, sizes = [], [], []
    while not s.over:
        s.play_turn({p: human_moves(s, p) for p in humans})
        paths.append(s.save(tmp_path / f"turn{len(s.turns):02d}.json"))
        digests.append(snapshot.digest(s.state))
        sizes.append(len(s.log.records[0]))
    return s, paths, digests, sizes


def test_a_save_at_every_turn_reloads_in_a_new_process_to_the_same_state(tmp_path):
    s, paths, digests, sizes = _play_saving_every_turn(tmp_path)
    assert len(paths) == s.game.n_turns
    out = subprocess.run([sys.executable, "-c", LOAD_PROGRAM, *map(str, paths)], cwd=ROOT,
                         env=dict(os.environ, PYTHONHASHSEED="123"), capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    lines = [line.split() for line in out.stdout.splitlines()]
    assert [x[0] for x in lines] == digests
    assert [int(x[1]) for x in lines] == sizes             # the log is rebuilt too
    assert all(x[2] == "True" for x in lines)


def test_saving_a_loaded_game_gives_the_same_bytes(tmp_path):
    s = Session.new(SCRIPTED, seed=9, humans=("trotsky",), autosave=False)
    for _ in range(5):
        s.play_turn(human_moves(s, "trotsky"))
    first = s.save(tmp_path / "a.json").read_bytes()
    again = Session.load(tmp_path / "a.json", strict=True).to_bytes()
    trusted = Session.load(tmp_path / "a.json", trust_snapshot=True).to_bytes()
    assert first == again == trusted


def test_a_save_holds_scenario_seed_seats_every_leaders_moves_and_versions(tmp_path):
    s = Session.new(SCRIPTED, seed=2, humans=("stalin",), difficulty="hard", autosave=False)
    s.play_turn([s.action("stalin", "appoint_secretary", "ukraine")])
    doc = read_document(s.save(tmp_path / "g.json"))
    assert doc["format"] == "politburo-save" and doc["format_version"] == 1
    assert {"game_version", "rules_version", "numpy_version"} <= set(doc)
    assert doc["scenario"]["id"] == "scripted" and len(doc["scenario"]["sha256"]) == 64
    assert doc["seed"] == 2 and doc["seats"] == {"humans": ["stalin"], "difficulty": "hard"}
    moves = doc["turns"][0]["moves"]
    assert moves[0] == {"actor": "stalin", "kind": "appoint_secretary", "target": "ukraine",
                        "arg": None, "arg2": None}
    assert {m["actor"] for m in moves} - {"stalin"}, "the computer's moves are saved too"
    assert doc["checksum"].startswith("sha256:")


def test_a_game_saved_under_a_bare_name_goes_to_the_players_saves_folder(private_home):
    s = Session.new(SCRIPTED, seed=1, humans=("stalin",), autosave=False)
    s.play_turn()
    path = s.save("first_game")
    assert path == private_home / "saves" / "first_game.json"
    [info] = list_saves()
    assert info.ok and info.date == "1923-02" and info.humans == ("stalin",)
    assert info.scenario == "Scripted test scenario"


def test_writing_keeps_the_previous_file_and_leaves_no_temporary_files(tmp_path):
    s = Session.new(SCRIPTED, seed=1, humans=("stalin",), autosave=False)
    s.play_turn()
    path = s.save(tmp_path / "g.json")
    before = path.read_bytes()
    s.play_turn()
    s.save(path)
    assert files.backup_of(path).read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.json", "g.json.bak"]
    assert Session.load(files.backup_of(path)).turn == 1


def test_a_shipped_scenario_is_named_by_its_path_and_a_changed_one_is_refused(tmp_path,
                                                                             monkeypatch):
    folder = tmp_path / "scenarios"
    folder.mkdir()
    text = SCRIPTED.read_text(encoding="utf-8")
    (folder / "scripted.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("POLITBURO_SCENARIOS", str(folder))
    s = Session.new("scripted", seed=3, humans=("stalin",), autosave=False)
    s.play_turn()
    path = s.save(tmp_path / "g.json")
    ref = read_document(path)["scenario"]
    assert ref["path"] == "scripted.yaml" and "text" not in ref
    (folder / "scripted.yaml").write_text("# a comment changes nothing\n" + text, "utf-8")
    assert Session.load(path).turn == 1
    (folder / "scripted.yaml").write_text(text.replace("prestige: 60", "prestige: 61"), "utf-8")
    with pytest.raises(SaveError, match="has changed since the game was saved"):
        Session.load(path)


def test_a_teachers_file_and_a_lab_what_if_travel_inside_the_save(tmp_path):
    s = Session.new(SCRIPTED, seed=3, humans=(), overrides={"historiography":
                                                            {"structural": 0.2}},
                    autosave=False)
    s.play_turn()
    doc = read_document(s.save(tmp_path / "w.json"))
    assert "text" in doc["scenario"] and doc["scenario"]["overrides"]
    loaded = Session.load(tmp_path / "w.json", strict=True)
    assert loaded.game.structural == pytest.approx(0.2)


def test_trusting_the_stored_position_is_fast_and_rebuilds_the_log_on_demand(tmp_path):
    s = Session.new(SCRIPTED, seed=6, humans=("stalin",), autosave=False)
    for _ in range(6):
        s.play_turn(human_moves(s, "stalin"))
    path = s.save(tmp_path / "g.json")
    quick = Session.load(path, trust_snapshot=True)
    assert quick._log is None                              # nothing replayed yet
    assert snapshot.digest(quick.state) == snapshot.digest(s.state)
    assert quick.log.lines(0) == s.log.lines(0) and quick.history == s.history
    assert quick.warnings == []


def test_describe_reports_a_damaged_file_without_raising(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    info = describe(bad)
    assert not info.ok and "damaged" in info.problem
