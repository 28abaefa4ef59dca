"""How the rivals pick among their candidates (rivals.select): best first within a leader's
row (ties to the lower column), and a claim two leaders of one game want in the same round
goes to the later of them."""
import numpy as np

from game.ai.menu import Board, Menu
from game.ai.rivals import select
from game.ai.value_actions import ACT_MIN


def _board(g, B: int, N: int) -> tuple:
    menu = Menu(g, N)
    board = Board(menu, B, N)
    board.cost[:] = 0.0                      # free: nothing but the order decides
    board.group[:] = -1
    board.claim[:] = -1
    return menu, board


def test_candidates_are_taken_best_first_ties_to_the_lower_column(campaign):
    rng = np.random.default_rng(0)
    B, N, picks = 300, 3, 5
    menu, board = _board(campaign, B, N)
    motion = np.flatnonzero(menu.is_motion)
    for scale in (1e-2, 1.0, 1e3):
        V = (np.abs(rng.standard_normal(board.value.shape)) * scale).astype(np.float32)
        V[rng.random(V.shape) < 0.2] = np.float32(0.05)                  # ties
        V[rng.random(V.shape) < 0.02] = np.inf
        V[rng.random(V.shape) < 0.7] = np.float32(ACT_MIN)               # not worth doing
        V[:, :, motion] = np.float32(ACT_MIN)                            # no motion limit
        out = select(board, V, np.full((B, N), 1e6), picks, 1, menu)
        for b in range(B):
            for n in range(N):
                c = np.flatnonzero(V[b, n] > ACT_MIN)
                want = c[np.lexsort((c, -V[b, n, c]))][:picks]
                assert np.array_equal(out[b, n, :len(want)], want)
                assert (out[b, n, len(want):] == -1).all()


def test_a_claim_wanted_by_two_leaders_goes_to_the_later(campaign):
    rng = np.random.default_rng(1)
    for N in (1, 2, 5, 8):
        B = 400
        menu, board = _board(campaign, B, N)
        col = np.flatnonzero(~menu.is_motion)[0]
        key = rng.integers(-1, 6, (B, N))
        ok = rng.random((B, N)) < 0.6
        V = np.full(board.value.shape, np.float32(ACT_MIN))
        V[:, :, col] = np.where(ok, 1.0, ACT_MIN)
        board.claim[:, :, col] = key
        out = select(board, V, np.full((B, N), 1e6), 1, 1, menu)
        later = np.tri(N, N, -1, dtype=bool).T                           # [n, m]: m after n
        table = ((key[:, :, None] == key[:, None, :]) & ok[:, None, :] & later[None]).any(axis=2)
        lost = ok & (key >= 0) & table
        assert np.array_equal(out[:, :, 0] == col, ok & ~lost)
