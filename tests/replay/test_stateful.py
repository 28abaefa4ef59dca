"""Any interleaving of turns, saves and loads leaves the game exactly as if it had been played
straight through (Hypothesis picks the moves, the choices and when to save)."""
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from game.replay import snapshot
from game.replay.session import Session

from replay_helpers import SCRIPTED


class PlaySaveLoad(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="politburo-stateful-"))
        self.session = Session.new(SCRIPTED, seed=13, humans={"stalin"}, autosave=False)
        self.twin = Session.new(SCRIPTED, seed=13, humans={"stalin"}, autosave=False)
        self.saves = 0

    def teardown(self):
        shutil.rmtree(self.folder, ignore_errors=True)

    @precondition(lambda self: not self.session.over)
    @rule(data=st.data())
    def play_a_turn(self, data):
        legal = self.session.legal_actions("stalin")
        picks = data.draw(st.lists(st.integers(0, max(len(legal) - 1, 0)), max_size=3)) \
            if legal else []
        moves = [legal[i] for i in picks]
        choices = {}
        for ev in self.session.pending_events():
            if ev.human:
                choices[ev.id] = data.draw(st.sampled_from([c.id for c in ev.choices]))
        self.session.play_turn(moves, choices)
        self.twin.play_turn(moves, choices)             # never saved: the straight game

    @rule(trust=st.booleans())
    def save_and_load(self, trust):
        self.saves += 1
        path = self.session.save(self.folder / f"s{self.saves}.json")
        before = path.read_bytes()
        self.session = Session.load(path, strict=True, trust_snapshot=trust, autosave=False)
        assert self.session.to_bytes() == before

    @invariant()
    def same_as_the_game_played_straight(self):
        assert snapshot.digest(self.session.state) == snapshot.digest(self.twin.state)
        assert len(self.session.turns) == len(self.twin.turns)

    @invariant()
    def the_log_and_charts_follow(self):
        if self.session._log is not None:
            assert self.session.log.lines(0) == self.twin.log.lines(0)
            assert self.session.history == self.twin.history


PlaySaveLoad.TestCase.settings = settings(
    max_examples=6, stateful_step_count=8, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
test_play_save_load = PlaySaveLoad.TestCase
