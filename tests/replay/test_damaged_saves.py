"""A damaged, truncated or newer save gives the player a sentence, never a traceback; the game
goes on, and the last good autosave still loads."""
import json

import pytest

from game.replay import files
from game.replay.saves import SaveError, encode_document, read_document
from game.replay.session import Session
from game.replay.versions import FORMAT_VERSION

from replay_helpers import SCRIPTED, human_moves


def _autosaved_game(turns=4, seed=5):
    s = Session.new(SCRIPTED, seed=seed, humans=("stalin",))       # autosave is on
    for _ in range(turns):
        s.play_turn(human_moves(s, "stalin"))
    return s


def _readable(err: SaveError) -> bool:
    """A sentence for a player: it opens on a capital or a file's name, ends with a full stop,
    and names no Python error."""
    m = err.message
    return (m[0].isupper() or m[0] == "“") and m.endswith(".") and "Error" not in m


def test_a_truncated_save_says_so_and_the_last_autosave_still_loads(tmp_path):
    s = _autosaved_game()
    path = s.save(tmp_path / "g.json")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(SaveError) as err:
        Session.load(path)
    assert "damaged or incomplete" in err.value.message and _readable(err.value)
    assert err.value.path == str(path)
    back = Session.load_autosave()
    assert back.turn == s.turn and back.warnings == []
    s.play_turn(human_moves(s, "stalin"))                           # the game goes on


def test_a_corrupted_byte_is_caught_by_the_checksum():
    s = _autosaved_game(turns=2)
    path = files.autosave_path(1)
    data = bytearray(path.read_bytes())
    at = data.index(b'"turn": 1')
    data[at + 8] = ord("0")                                         # still valid JSON
    path.write_bytes(bytes(data))
    json.loads(path.read_text(encoding="utf-8"))
    with pytest.raises(SaveError, match="damaged"):
        Session.load(path)
    older = Session.load_autosave()
    assert older.turn == s.turn - 1                                 # the slot before it
    assert any("damaged" in w for w in older.warnings)


@pytest.mark.parametrize("content, says", [
    (b"", "damaged or incomplete"),
    (b"\xff\xfe\x00garbage", "damaged or incomplete"),
    (b"[1, 2, 3]", "not a saved game"),
    (b'{"format": "something else"}', "not a saved game"),
    (b'{"format": "politburo-save", "format_version": "one"}', "damaged"),
])
def test_files_that_are_not_saves_are_refused_with_a_sentence(tmp_path, content, says):
    path = tmp_path / "x.json"
    path.write_bytes(content)
    with pytest.raises(SaveError, match=says) as err:
        Session.load(path)
    assert _readable(err.value)


def test_a_missing_file_is_named():
    with pytest.raises(SaveError, match="There is no saved game called “nothing.json”"):
        Session.load("nothing.json")


def test_a_save_from_a_newer_version_of_the_game_asks_for_an_update(tmp_path):
    s = _autosaved_game(turns=1)
    doc = s.to_document()
    doc["format_version"] = FORMAT_VERSION + 1
    doc["game_version"] = "9.0"
    path = tmp_path / "new.json"
    path.write_bytes(encode_document(doc))
    with pytest.raises(SaveError) as err:
        Session.load(path)
    assert "newer version of the game (9.0)" in err.value.message and _readable(err.value)


def test_a_well_formed_save_with_wrong_fields_is_refused(tmp_path):
    s = _autosaved_game(turns=1)
    doc = s.to_document()
    doc["turns"] = "everything"
    path = tmp_path / "odd.json"
    path.write_bytes(encode_document(doc))
    with pytest.raises(SaveError, match="damaged"):
        Session.load(path)


def test_a_move_this_game_does_not_know_is_refused_not_crashed(tmp_path):
    s = _autosaved_game(turns=2)
    doc = s.to_document()
    doc["turns"][0]["moves"].append({"actor": "stalin", "kind": "abdicate", "target": None,
                                     "arg": None, "arg2": None})
    path = tmp_path / "odd.json"
    path.write_bytes(encode_document(doc))
    with pytest.raises(SaveError, match="could not be replayed") as err:
        Session.load(path)
    assert "abdicate" in err.value.message and _readable(err.value)


def test_a_stored_position_that_the_moves_do_not_reach_is_reported(tmp_path):
    s = _autosaved_game(turns=3)
    doc = s.to_document()
    doc["turns"][1]["moves"] = []                                   # history rewritten
    path = tmp_path / "edited.json"
    path.write_bytes(encode_document(doc))
    lenient = Session.load(path)
    assert lenient.warnings and "did not reach the position" in lenient.warnings[0]
    assert lenient.turn == s.turn                                   # the saved position wins
    with pytest.raises(SaveError, match="did not reach the position"):
        Session.load(path, strict=True)


def test_autosaves_rotate_through_a_few_slots_newest_first(private_home):
    s = _autosaved_game(turns=5)
    slots = [files.autosave_path(i) for i in range(1, files.AUTOSAVE_SLOTS + 1)]
    assert [read_document(p)["turn"] for p in slots] == [5, 4, 3]
    assert sorted(p.name for p in (private_home / "saves").iterdir()) == \
        sorted(p.name for p in slots)
    assert Session.load_autosave().turn == s.turn


def test_when_every_autosave_is_damaged_the_message_says_so():
    _autosaved_game(turns=2)
    for p in files.autosave_paths():
        p.write_bytes(b"{")
    with pytest.raises(SaveError, match="no autosave that can be loaded"):
        Session.load_autosave()


def test_an_autosave_that_cannot_be_written_is_a_warning_not_a_crash(tmp_path):
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("a file where the saves folder should be")
    s = Session.new(SCRIPTED, seed=1, humans=("stalin",), autosave_dir=blocker)
    s.play_turn()
    assert s.turn == 1 and "could not be autosaved" in s.warnings[0]
