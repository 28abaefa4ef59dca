"""Any finished game, the historical replay and any what-if lab run can be watched again turn
by turn, and what is shown is exactly what was played."""
from game.ai.play import play_one
from game.replay import snapshot
from game.replay.script import historical
from game.replay.session import Session
from game.replay.watch import record_run, watch_history, watch_run, watch_save, watch_session

from replay_helpers import SCRIPTED, human_moves, play_to_end


def test_a_saved_game_is_watched_turn_by_turn_as_it_was_played(tmp_path):
    s = Session.new(SCRIPTED, seed=8, humans={"stalin"}, autosave=False)
    digests = []
    while not s.over:
        s.play_turn(human_moves(s, "stalin"))
        digests.append(snapshot.digest(s.state))
    frames = list(watch_save(s.save(tmp_path / "g.json")))
    assert [f.turn for f in frames] == list(range(s.game.n_turns))
    assert [f.date for f in frames][:2] == ["1923-01", "1923-02"]
    assert [snapshot.digest(f.state) for f in frames] == digests
    assert [r for f in frames for r in f.records] == s.records
    assert frames[-1].chart == s.history[-1]


def test_frames_keep_their_own_state():
    s = Session.new(SCRIPTED, seed=8, humans=(), autosave=False)
    for _ in range(3):
        s.play_turn()
    frames = list(watch_session(s))
    assert len({snapshot.digest(f.state) for f in frames}) == 3


def test_the_historical_replay_is_watched_with_its_commentary():
    frames = list(watch_history(SCRIPTED, seed=1, until="1923-06"))
    assert frames[-1].date == "1923-06"
    assert frames[0].records[0]["kind"] == "history"
    whole = historical(SCRIPTED, seed=1, until="1923-06")
    assert [r for f in frames for r in f.records] == whole.records


def test_a_lab_run_is_its_scenario_seed_and_overrides():
    overrides = {"historiography": {"structural": 0.9}}
    frames = list(watch_run(SCRIPTED, 21, overrides))
    again = record_run(SCRIPTED, 21, overrides)
    assert [r for f in frames for r in f.records] == again.records
    state, log = play_one(again.game, 21)                      # the lab's own way to play
    assert log.lines(0) == again.log.lines(0)
    assert snapshot.digest(frames[-1].state) == snapshot.digest(state)


def test_a_game_taken_over_from_history_is_watched_from_its_first_month(tmp_path):
    s = Session.from_replay(SCRIPTED, 4, humans={"kamenev"}, seed=2, autosave=False)
    play_to_end(s)
    frames = list(watch_save(s.save(tmp_path / "g.json")))
    assert frames[0].records[0]["kind"] == "history" and len(frames) == s.game.n_turns
