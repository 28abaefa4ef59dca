"""Small array helpers for the hot paths of the rules and the rivals.

NumPy's ``np.clip`` passes through several Python layers before it reaches the ufunc; a
played game calls it thousands of times on small arrays, where those layers cost more than
the arithmetic. ``clip`` here gives the same values (for arrays and scalars) for less.
"""
from __future__ import annotations

import numpy as np

_max, _min = np.maximum, np.minimum
# arrays smaller than this (a lone game's) take NumPy's plain forms: below it the plain forms'
# fixed costs are less than what the large batch's forms save (the rivals' board,
# game.ai.menu)
LARGE = 1 << 14
# a boolean axis folded into the bits of one signed 64-bit integer (``bits_of``): at most this long
MAX_BITS = 62


def bits_of(a: np.ndarray) -> np.ndarray:
    """A boolean array's last axis (at most ``MAX_BITS`` long) as the bits of one int64: a set
    of men, blocs or flags as one integer, so that an intersection is ``&`` and a count
    ``np.bitwise_count``, without a table over the axis. The bits are disjoint, so the
    integer sum is exact."""
    return a.astype(np.int64) @ (np.int64(1) << np.arange(a.shape[-1], dtype=np.int64))


def clip(x, lo, hi):
    """``np.clip(x, lo, hi)`` with both bounds given."""
    return _min(_max(x, lo), hi)


# The three axes of views (AXES) as three arrays rather than a reduction over a last axis of
# length three: NumPy's reductions over so short an axis cost far more than the sums, and the
# terms are added in the same order, so the values are the same to the last bit.

def norm3(d):
    """``(d * d).sum(axis=-1)`` for a last axis of length 3."""
    return d[..., 0] * d[..., 0] + d[..., 1] * d[..., 1] + d[..., 2] * d[..., 2]


def distinct(a) -> np.ndarray:
    """The sorted distinct values of a small array, as ``np.unique`` gives them, without its
    cost on a handful of indices (and its first call's import of ``numpy.ma``)."""
    a = np.asarray(a)
    if not a.size:
        return np.unique(a)
    if a.size <= 64 or a.dtype.kind not in "iu":
        # a lone game's handful of values: sorting them in Python is three calls into NumPy
        return np.array(sorted(set(a.ravel().tolist())), dtype=a.dtype)
    lo, hi = int(a.min()), int(a.max())
    if hi - lo <= 4096:
        return (np.flatnonzero(np.bincount((a.ravel().astype(np.int64) - lo))) + lo) \
            .astype(a.dtype)
    return np.unique(a)
