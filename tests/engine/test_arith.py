"""The hot paths' small helpers give NumPy's own values to the last bit: a faster sum that
changed the last bit of one leader's valuation would change which move he makes, and the game."""
import numpy as np
import pytest

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
