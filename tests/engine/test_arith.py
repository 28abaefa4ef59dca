"""The hot paths' small helpers give NumPy's own values to the last bit: a faster sum that
changed the last bit of one leader's valuation would change which move he makes, and the game."""
import numpy as np
import pytest

from game.engine.arith import along_last, dot_last, sum_terms
from game.engine.jit import row_sum


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    return a.dtype == b.dtype and a.shape == b.shape and \
        np.array_equal(np.ascontiguousarray(a).view(np.uint8), np.ascontiguousarray(b).view(np.uint8))


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("n", [1, 2, 5, 7, 8, 9, 13, 16, 17, 27, 64, 128, 129])
def test_dot_last_is_numpys_sum_of_the_product_bit_for_bit(dtype, n):
    rng = np.random.default_rng(n)
    for sa, sb in (((700, 4, 1, n), (700, 1, 6, n)), ((3000, 4, n), (1, 1, n)), ((3000, 4, n), (3000, 4, 1))):
        a = (rng.standard_normal(sa) * 10.0 ** rng.uniform(-4, 4, sa)).astype(dtype)
        b = (rng.standard_normal(sb) * 10.0 ** rng.uniform(-4, 4, sb)).astype(dtype)
        a[rng.random(sa) < 0.3] = -0.0                  # signed zeros: NumPy's sum starts at +0
        for x, y in ((a, b), (a > 0, b), (a, b > 0)):
            assert _same(dot_last(x, y), (x * y).sum(axis=-1))


def test_sum_terms_adds_as_numpy_sums_a_last_axis():
    rng = np.random.default_rng(7)
    for n in (1, 3, 8, 11, 24, 30):
        table = rng.standard_normal((20, 9, n)).astype(np.float32)
        assert _same(sum_terms((table[..., i] for i in range(n)), n), table.sum(axis=-1))
    zeros = np.full((3, 5), -0.0, dtype=np.float32)
    assert _same(sum_terms([zeros, zeros], 2), np.stack([zeros, zeros], axis=-1).sum(axis=-1))


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


def test_dot_last_keeps_numpys_order_for_a_product_laid_out_otherwise():
    """A factor taken by an index array on its last axis can be laid out column by column;
    NumPy then sums the product in another order, and so must dot_last."""
    rng = np.random.default_rng(11)
    members = rng.random((2000, 7, 27)) < 0.3
    cols = np.flatnonzero(rng.random(27) < 0.4)
    weight = rng.standard_normal((8, 27))[None, None, :, cols]            # column-major
    a, b = members[:, :, cols][:, :, None, :], weight
    assert _same(dot_last(a, b), (a * b).sum(axis=-1))
