"""A game counts its shares the same alone or in a large batch, to the last bit: no count
reads across the games of a batch."""
import numpy as np
import pytest

from game.content.loader import load_scenario
from game.engine import power
from game.engine.game import Game


def _same(a, b) -> bool:
    return a.dtype == b.dtype and np.array_equal(a.view(np.uint8), b.view(np.uint8))


@pytest.fixture(scope="module")
def campaign() -> Game:
    return Game(load_scenario("campaign"))


def _shares(g, s):
    act = g.active(s)
    bits = power.bloc_bits(s)
    fol = power.followers(s, bits)
    return power.cc_share(s, act, bits, fol), power.delegate_share(s, g.params, g.structural)


def test_shares_of_the_committee_and_the_delegates_are_the_same_in_a_large_batch(campaign):
    g = campaign
    s = g.new_state(np.arange(1500))
    rng = np.random.default_rng(5)
    # stir the games apart: seats held by several patrons, blocs, secretaries' patrons
    s.cc_seats[:, :-1] = np.where(rng.random(s.cc_seats[:, :-1].shape) < 0.2,
                                  rng.random(s.cc_seats[:, :-1].shape) * 9, 0).astype(np.float32)
    s.bloc[:] = rng.random(s.bloc.shape) < 0.15
    s.sec_patron[:] = np.where(rng.random(s.sec_patron.shape) < 0.6,
                               rng.integers(0, g.P, s.sec_patron.shape), -1)
    s.sec_loyalty[:] = rng.random(s.sec_loyalty.shape).astype(np.float32)
    cc, dl = _shares(g, s)
    for i in rng.choice(s.batch, 40, replace=False):
        cc_alone, dl_alone = _shares(g, s.take(np.array([i])))
        assert _same(cc[i:i + 1], cc_alone)
        assert _same(dl[i:i + 1], dl_alone)
