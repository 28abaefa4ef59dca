"""Heavy mode: a game played straight through and the same game saved and loaded after every
turn are the same game at every turn; and save(load(save(s))) == save(s)."""
import pytest

from game.ai.play import play_one
from game.replay import snapshot
from game.replay.session import Session

from replay_helpers import SCRIPTED, TINY, human_moves


def _straight(path, seed, humans):
    s = Session.new(path, seed=seed, humans=humans, autosave=False)
    digests, logs = [], []
    while not s.over:
        s.play_turn({p: human_moves(s, p) for p in humans})
        digests.append(snapshot.digest(s.state))
        logs.append(s.log.lines(0))
    return digests, logs


@pytest.mark.parametrize("path, seed, humans", [
    (SCRIPTED, 11, ("stalin",)),
    (SCRIPTED, 12, ("trotsky", "zinoviev")),      # hot seat
])
def test_saving_and_loading_after_every_turn_changes_nothing(tmp_path, path, seed, humans):
    digests, logs = _straight(path, seed, humans)
    s = Session.new(path, seed=seed, humans=humans, autosave=False)
    for turn, (want, want_log) in enumerate(zip(digests, logs)):
        s.play_turn({p: human_moves(s, p) for p in humans})
        file = tmp_path / f"t{turn}.json"
        saved = s.save(file).read_bytes()
        s = Session.load(file, strict=True, autosave=False)
        assert snapshot.digest(s.state) == want, f"state differs after turn {turn}"
        assert s.log.lines(0) == want_log, f"log differs after turn {turn}"
        assert s.to_bytes() == saved, f"save(load(save)) differs after turn {turn}"
    assert s.over


def test_a_session_without_people_is_the_computer_playing_every_seat(tmp_path):
    s = Session.new(TINY, seed=7, humans=(), autosave=False)
    while not s.over:
        s.play_turn()
    state, log = play_one(s.game, 7)
    assert s.log.lines(0) == log.lines(0)
    assert snapshot.digest(s.state) == snapshot.digest(state)
