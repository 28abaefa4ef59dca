"""A large batch counts shares in cheaper forms than a lone game: they give the same values to
the last bit (a game plays the same alone or in a batch), whichever the batch's size."""
import numpy as np
import pytest

from game.content.loader import load_scenario
from game.engine import power
from game.engine.game import Game
from game.engine.arith import eye
from game.engine.state import BODY


def _table_cc_share(s, act, bits, fol):
    """power.cc_share as a sum over the [games, people, patrons] table."""
    in_cc = s.member[:, :, BODY["central_committee"]] & act
    named = power.following(s, act, in_cc, bits, fol)
    seats = s.cc_seats[:, :-1]
    cols = np.logical_or.reduce(seats != 0, axis=0).nonzero()[0]
    ally = ((bits[:, :, None] & bits[:, None, cols]) != 0) | eye(bits.shape[1])[:, cols]
    ally_seats = (ally * seats[:, None, cols]).sum(axis=2)
    total = in_cc.sum(axis=1) + s.cc_seats.sum(axis=1)
    return (named + ally_seats) / np.maximum(total, 1)[:, None]


def _table_delegate_share(s, params, structural):
    """power.delegate_share as a sum over the [games, regions, people] table."""
    d = power.delegates(s, params)
    machine = d * power.machine_share(s, params, structural)
    B, P = s.patron.shape
    patron = np.where(s.sec_patron >= 0, s.sec_patron, P)
    table = np.zeros((B, machine.shape[1], P + 1), dtype=machine.dtype)
    table[np.arange(B)[:, None], np.arange(machine.shape[1])[None, :], patron] = machine
    return table.sum(axis=1)[:, :P] / d.sum(axis=1, keepdims=True)


@pytest.fixture(scope="module")
def campaign() -> Game:
    return Game(load_scenario("campaign"))


def _same(a, b) -> bool:
    return a.dtype == b.dtype and np.array_equal(a.view(np.uint8), b.view(np.uint8))


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
    act = g.active(s)
    bits = power.bloc_bits(s)
    fol = power.followers(s, bits)
    assert _same(power.cc_share(s, act, bits, fol), _table_cc_share(s, act, bits, fol))
    assert _same(power.delegate_share(s, g.params, g.structural),
                 _table_delegate_share(s, g.params, g.structural))
