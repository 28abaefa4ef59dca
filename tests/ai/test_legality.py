"""The rivals only choose legal actions: over whole games the engine never refuses a computer
player (no "refused" record), whatever the difficulty, alone or after a human's moves."""
import numpy as np
import pytest

from game.ai.difficulty import ORDER
from game.ai.play import play, preview
from game.ai.rivals import Rivals
from game.engine.actions import check
from game.engine.log import Log


def _refusals(g, log, seat=None):
    return [r["text"] for recs in log.records for r in recs
            if r["kind"] == "refused" and r["persons"] and r["persons"][0] != seat]


@pytest.mark.parametrize("difficulty", ORDER)
def test_no_computer_move_is_refused_in_the_tiny_scenario(tiny, difficulty):
    log = Log(tiny, 8)
    play(tiny, np.arange(8) + 1, log, difficulty=difficulty)
    assert _refusals(tiny, log) == []


@pytest.mark.parametrize("policy", ["apparatus", "random", "historical"])
def test_no_computer_move_is_refused_after_a_scripted_players_moves(tiny, policy):
    log = Log(tiny, 6)
    play(tiny, np.arange(6) + 20, log, seat="zinoviev", scripted=policy, difficulty="hard")
    assert _refusals(tiny, log, seat="zinoviev") == []


def test_no_computer_move_is_refused_in_the_campaign(campaign_games):
    assert _refusals(campaign_games.g, campaign_games.log) == []


def test_every_chosen_action_passes_the_engines_check(tiny):
    r = Rivals(tiny, "normal")
    s = tiny.new_state(np.arange(6))
    for _ in range(tiny.n_turns):
        view = preview(tiny, s, r.choose)
        rows = r.moves(view)
        for j in range(rows.shape[1]):
            col = rows[:, j]
            for k in np.unique(col[:, 0]):
                if k < 0:
                    continue
                here = col[:, 0] == k
                code = check(tiny, view, int(k), *(np.maximum(col[:, i], -1) for i in range(1, 5)))
                if k not in _bloc_kinds():      # alliance moves are checked in turn order
                    assert (code[here] == 0).all(), (tiny.date(s.turn), k, code[here])
        tiny.step(s, rows, chooser=r.choose)
        if s.over.all():
            break


def _bloc_kinds():
    from game.engine.actions import KIND
    return (KIND["form_bloc"], KIND["join_bloc"], KIND["leave_bloc"])


def test_rivals_leave_the_state_they_read_untouched(tiny):
    s = tiny.new_state([4, 5])
    before = {k: v.copy() for k, v in s.arrays().items()}
    Rivals(tiny, "hard").moves(s)
    for k, v in s.arrays().items():
        assert np.array_equal(v, before[k]), k
