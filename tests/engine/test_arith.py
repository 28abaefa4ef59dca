"""The hot paths' small helpers give NumPy's own values to the last bit: a faster sum that
changed the last bit of one leader's valuation would change which move he makes, and the game."""
import numpy as np
import pytest

from game.engine.arith import along_last
from game.engine.jit import row_sum


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    return a.dtype == b.dtype and a.shape == b.shape and \
        np.array_equal(np.ascontiguousarray(a).view(np.uint8), np.ascontiguousarray(b).view(np.uint8))


@pytest.mark.parametrize("n", [0, 1, 7, 8, 9, 16, 23, 27, 64, 128])
def test_a_compiled_row_sum_adds_as_numpy_sums_a_row(n):
    rng = np.random.default_rng(n)
    for _ in range(50):
        row = (rng.standard_normal(n) * 10.0 ** rng.uniform(-4, 4, n)).astype(np.float32)
        row[rng.random(n) < 0.3] = -0.0
        assert _same(np.asarray(row_sum(row), dtype=np.float32), np.asarray(row.sum()))


def test_along_last_gathers_as_take_along_axis_at_any_batch():
    rng = np.random.default_rng(3)
    for B in (1, 40, 1000):
        for sa, si in (((B, 8, 27), (B, 1, 13)), ((B, 8, 27), (B, 8, 3)), ((1, 8, 25), (B, 8, 5)),
                       ((B, 8), (B, 8))):
            a = rng.random(sa).astype(np.float32)
            idx = rng.integers(0, sa[-1], si)
            full = np.broadcast_shapes(a.shape[:-1], idx.shape[:-1])
            want = np.take_along_axis(np.broadcast_to(a, full + a.shape[-1:]), idx, axis=-1)
            assert _same(along_last(a, idx), want)
    a = rng.random((2000, 9))
    idx = rng.integers(-1, 9, (2000, 2))                     # a negative index counts from the end
    assert _same(along_last(a, idx), np.take_along_axis(a, idx, axis=-1))
