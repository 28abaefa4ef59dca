"""Every scenario the game ships: it loads, plays to the end, and plays the same way twice."""
import numpy as np
import pytest

from game.ai.play import play, play_one
from game.content.loader import list_scenarios, load_scenario
from game.engine.game import Game
from game.engine.log import Log

SHIPPED = [entry.id for entry in list_scenarios()]


def test_the_game_ships_scenarios():
    assert "campaign" in SHIPPED


@pytest.fixture(scope="module", params=SHIPPED)
def game(request) -> Game:
    return Game(load_scenario(request.param))


def test_a_shipped_scenario_plays_to_the_end_with_a_leader(game):
    state, log = play_one(game, 1)
    result = game.outcome(state, 0)
    assert result["over"] and result["outcome"] in game.outcomes
    kinds = {r["kind"] for r in log.records[0]}
    assert "vote" in kinds


def test_a_shipped_scenario_gives_the_same_log_for_the_same_seed(game):
    assert play_one(game, 5)[1].lines(0) == play_one(game, 5)[1].lines(0)


def test_in_a_shipped_scenario_game_i_of_a_batch_is_the_lone_game(game):
    seeds = np.array([2, 9, 4])
    log = Log(game, 3)
    batch = play(game, seeds, log)
    for i, seed in enumerate(seeds):
        lone_state, lone_log = play_one(game, int(seed))
        assert log.lines(i) == lone_log.lines(0)
        assert batch.outcome[i] == lone_state.outcome[0]


def test_an_event_s_text_and_its_choices_labels_speak_of_the_leaders_not_to_the_player(game):
    """The replay and the log show what happened to everyone, whoever plays the decider:
    only a choice's ``outcome``, shown to the decider before he chooses, may say "you"."""
    import re
    you = re.compile(r"\byou(r|rs|rself)?\b", re.IGNORECASE)
    for e in game.scenario.events:
        assert not you.search(e.text), f"{e.id}: {e.text}"
        for c in e.choices:
            assert not you.search(c.label), f"{e.id}/{c.id}: {c.label}"
