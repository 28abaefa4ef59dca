"""The historical replay feeds the scenario's script to the engine: history's moves and chance,
history's choices, the model's own votes; a player can take over at any turn."""
import dataclasses
import json
import re

import pytest

from game.content.schema import ScriptMove
from game.replay import cli
from game.replay.script import ScriptError, compile_script, historical
from game.replay.session import Session

from replay_helpers import SCRIPTED, play_to_end


def test_the_replay_plays_the_scripts_moves_chance_and_choices(scripted):
    s = historical(scripted, seed=1)
    assert s.over and len(s.turns) == s.game.n_turns
    recs = s.records
    events = {r["event"]: r for r in recs if "event" in r}
    assert events["lenin_third_stroke"]["date"] == "1923-03"        # forced by the script
    assert events["strike_wave"]["date"] == "1923-07"               # a 50% event, forced
    assert events["strike_wave"]["choice"] == "arrest"
    assert events["platform_46"]["choice"] == "ban"                 # the historical choice
    assert not any(r["kind"] == "stroke" and "event" not in r for r in recs)  # none at random
    triumvirs = [r for r in recs if r["kind"] == "alliance"]
    assert [r["persons"][0] for r in triumvirs] == ["zinoviev", "kamenev", "stalin"]
    notes = [r for r in recs if r["kind"] == "history"]
    assert notes[0]["text"].startswith("Zinoviev and Kamenev join Stalin")
    assert notes[0]["source"]["file"].startswith("000_")


def test_every_turn_is_forced_free_of_random_strokes(scripted):
    plan = compile_script(scripted_game(scripted))
    assert all(t.forced.get("no_random_strokes") for t in plan)


def scripted_game(sc):
    from game.engine.game import Game
    return Game(sc)


def test_strokes_forbidden_events_and_choices_by_either_spelling(scripted):
    extra = (ScriptMove("1923-05", "chance", "stroke", target="lenin"),
             ScriptMove("1923-07", "chance", "strike_wave"),
             ScriptMove("1923-07", "stalin", "choose", target="strike_wave", arg="negotiate"),
             ScriptMove("1923-10", "chance", "platform_46", arg="no"),
             ScriptMove("1924-02", "kamenev", "choose", arg="x", arg2="no_such_event"))
    sc = dataclasses.replace(scripted, script=scripted.script + extra[:4])
    recs = historical(sc, seed=1).records
    assert any(r["kind"] == "stroke" and r["date"] == "1923-05" for r in recs)
    wave = [r for r in recs if r.get("event") == "strike_wave"]
    assert wave[0]["choice"] == "negotiate"       # the later move overrides the chance's arg
    assert not any(r.get("event") == "platform_46" for r in recs)
    bad = dataclasses.replace(scripted, script=scripted.script + extra[4:])
    with pytest.raises(ScriptError, match=r"1924-02.*not an event"):
        historical(bad)


def test_a_script_move_outside_the_calendar_is_named(scripted):
    bad = dataclasses.replace(scripted, script=(ScriptMove("1930-01", "stalin", "speak"),))
    with pytest.raises(ScriptError, match="script move 1 .*outside the scenario's calendar"):
        historical(bad)


@pytest.mark.parametrize("at", [0, 5, "1924-01"])
def test_a_player_takes_over_the_replay_and_plays_an_ordinary_campaign(tmp_path, scripted, at):
    history = historical(scripted, seed=3)
    s = Session.from_replay(scripted, at, humans={"trotsky"}, seed=3, autosave=False)
    n = len(s.turns)
    assert n == (12 if at == "1924-01" else at)
    assert s.origin == {"kind": "replay", "until": n}
    hist_records = [r for r in history.records if r["turn"] < n]
    assert s.records == hist_records                       # until then, it was history
    play_to_end(s)
    assert s.over and len(s.turns) == s.game.n_turns
    assert all(not t.forced for t in s.turns[n:])          # after it, chance is chance
    loaded = Session.load(s.save(tmp_path / "g.json"), strict=True)
    assert loaded.log.lines(0) == s.log.lines(0) and loaded.origin == s.origin


def test_the_command_prints_dates_votes_with_reasons_and_sources(capsys, tmp_path):
    log = tmp_path / "history.jsonl"
    code = cli.main(["--scenario", str(SCRIPTED), "--until", "1924-01", "--log", str(log)])
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("Historical replay: Scripted test scenario — seed 1")
    assert "1923-03  Lenin's third stroke ends his political life." in out
    assert "source: 003_b93a2685db1b60b4.txt “In early 1924, the death of Lenin" in out
    assert "The Party Conference adopts the motion condemning Trotsky's views" in out
    assert "1923-12  The Politburo adopts “Cut industrial prices”" in out
    assert re.search(r"\n {11}Kamenev +for +moved the motion\n", out)      # each voter by name, and why
    assert re.search(r"\n {11}Stalin +(for|against) +\w", out)
    assert "1924-05" not in out                             # --until stops there
    records = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert records[0]["kind"] == "history" and records[-1]["date"] == "1924-01"


def test_the_command_explains_a_missing_scenario_or_script(capsys, tmp_path):
    assert cli.main(["--scenario", "no_such_scenario"]) == 2
    assert "no scenario named 'no_such_scenario'" in capsys.readouterr().err
    plain = tmp_path / "plain.yaml"
    text = SCRIPTED.read_text(encoding="utf-8")
    plain.write_text(text[: text.index("script:")] + text[text.index("victory:"):], "utf-8")
    assert cli.main(["--scenario", str(plain)]) == 2
    assert "has no historical script" in capsys.readouterr().err


def test_the_command_shows_a_saved_game_and_writes_its_debrief(capsys, tmp_path):
    s = Session.from_replay(SCRIPTED, 6, humans={"stalin"}, seed=2, autosave=False)
    play_to_end(s)
    save = s.save(tmp_path / "g.json")
    out_file = tmp_path / "debrief.md"
    assert cli.main(["--save", str(save), "--brief", "--debrief", str(out_file)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Game: Scripted test scenario — seed 2")
    assert out_file.read_text(encoding="utf-8").startswith("# Debrief: Scripted test scenario")
    (tmp_path / "bad.json").write_text("{}")
    assert cli.main(["--save", str(tmp_path / "bad.json")]) == 2
    assert "not a saved game" in capsys.readouterr().err
