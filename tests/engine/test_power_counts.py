"""Who follows whom is counted the same way whatever the size of the cast.

A man commands himself, his clients and his allies. For a cast of up to
power.MAX_BITSET_CAST people the count is a population count over bitsets; past it, a table.
Both must give the same answer, at the boundary as anywhere else."""
from types import SimpleNamespace

import numpy as np
from hypothesis import given, settings, strategies as st

from game.engine import power


def _cast(seed: int, P: int, L: int = 4, B: int = 3):
    """A stand-in state with the fields the count reads: patrons and blocs."""
    rng = np.random.default_rng(seed)
    patron = np.where(rng.random((B, P)) < 0.4, rng.integers(0, P, (B, P)), -1).astype(np.int16)
    patron[patron == np.arange(P)] = -1                     # no one is his own client
    bloc = rng.random((B, L, P)) < 0.15
    act = rng.random((B, P)) < 0.9
    voters = rng.random((B, P)) < 0.5
    return SimpleNamespace(patron=patron, bloc=bloc), act, voters


@settings(max_examples=40, deadline=None, derandomize=True)
@given(seed=st.integers(0, 2**32 - 1),
       P=st.sampled_from([5, 27, power.MAX_BITSET_CAST, power.MAX_BITSET_CAST + 1, 60, 70]))
def test_a_mans_followers_are_counted_alike_by_bitset_and_by_table(seed, P):
    state, act, voters = _cast(seed, P)
    bits = power.bloc_bits(state)
    counted = power.following(state, act, voters, bits)
    table = power._following_table(state, act, voters, bits)
    np.testing.assert_array_equal(counted, table)


def test_a_cast_too_large_for_exact_bitsets_is_counted_from_the_table():
    state, act, voters = _cast(7, power.MAX_BITSET_CAST + 1)
    assert power.followers(state) is None
    assert power.followers(_cast(7, power.MAX_BITSET_CAST)[0]) is not None
