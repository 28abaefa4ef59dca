"""How the rivals pick among their candidates, in the cheaper forms the fast path uses: best
first within a leader's row (ties to the lower column), and a claim two leaders of one game
want this round goes to the later of them."""
import numpy as np

from game.ai.rivals import _by_row_then_value, _claimed_later


def test_candidates_are_ordered_by_row_then_best_value_then_column():
    rng = np.random.default_rng(0)
    for scale in (1e-3, 1.0, 1e3):
        V = (rng.standard_normal((300, 40)) * scale).astype(np.float32)
        V[rng.random(V.shape) < 0.2] = np.float32(0.05)                 # ties
        V[rng.random(V.shape) < 0.02] = np.inf
        r, c = np.nonzero(rng.random(V.shape) < 0.3)
        assert np.array_equal(_by_row_then_value(r, V[r, c], c), np.lexsort((c, -V[r, c], r)))


def test_a_claim_wanted_by_two_leaders_goes_to_the_later():
    rng = np.random.default_rng(1)
    for N in (1, 2, 5, 8):
        key = rng.integers(-1, 6, (400, N))
        ok = rng.random((400, N)) < 0.6
        later = np.tri(N, N, -1, dtype=bool).T                           # [n, m]: m after n
        table = ((key[:, :, None] == key[:, None, :]) & ok[:, None, :] & later[None]).any(axis=2)
        want = ok & (key >= 0) & table
        assert np.array_equal(_claimed_later(key.ravel(), ok.ravel(), N, 6).reshape(400, N), want)
