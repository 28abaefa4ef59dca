"""Small array helpers for the hot paths of the rules and the rivals.

NumPy's ``np.clip`` passes through several Python layers before it reaches the ufunc; a
played game calls it thousands of times on small arrays, where those layers cost more than
the arithmetic. ``clip`` here gives the same values (for arrays and scalars) for less.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

_max, _min = np.maximum, np.minimum
# arrays smaller than this (a lone game's) take NumPy's plain forms: below it the plain forms'
# fixed costs are less than what the large batch's forms save (read by the rivals and the
# rules wherever a batch form and a plain form of the same sum are chosen by size)
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

def dot3(a, b):
    """``(a * b).sum(axis=-1)`` for a last axis of length 3 (broadcasting like ``*``)."""
    return a[..., 0] * b[..., 0] + a[..., 1] * b[..., 1] + a[..., 2] * b[..., 2]


def dist3(a, b):
    """``np.abs(a - b).sum(axis=-1)`` for a last axis of length 3."""
    return (np.abs(a[..., 0] - b[..., 0]) + np.abs(a[..., 1] - b[..., 1])
            + np.abs(a[..., 2] - b[..., 2]))


def norm3(d):
    """``(d * d).sum(axis=-1)`` for a last axis of length 3."""
    return d[..., 0] * d[..., 0] + d[..., 1] * d[..., 1] + d[..., 2] * d[..., 2]


def dot_last(a, b):
    """``(a * b).sum(axis=-1)`` for floating values (broadcasting like ``*``), without the
    product's table (see ``sum_terms``). NumPy's sum adds the product in the order its
    memory holds it: the terms are added as ``sum_terms`` does only when both factors are
    laid out in C order (then so is the product); otherwise the product is summed."""
    a, b = np.asarray(a), np.asarray(b)
    if max(a.size, b.size) * 2 < LARGE:                # a lone game's: the table is cheaper
        return (a * b).sum(axis=-1)
    n = max(a.shape[-1], b.shape[-1])
    if not 0 < n <= _PAIRWISE_BLOCK or np.result_type(a, b).kind != "f" or \
            not (_c_order(a) and _c_order(b)):
        return (a * b).sum(axis=-1)
    ja, jb = (a.shape[-1] > 1), (b.shape[-1] > 1)
    return sum_terms((a[..., i * ja] * b[..., i * jb] for i in range(n)), n)


def _c_order(x: np.ndarray) -> bool:
    """The axes that matter (longer than one, not broadcast) are laid out in C order."""
    strides = [abs(st) for k, st in zip(x.shape, x.strides) if k > 1 and st != 0]
    return all(s1 > s2 for s1, s2 in zip(strides, strides[1:]))


def sum_terms(terms, n: int):
    """The sum of ``n`` floating arrays (an iterable, made one at a time) added in the order
    NumPy's sum adds a contiguous last axis of that length (up to 128): eight running sums,
    then the rest one by one, then its starting zero. The same values as stacking the terms
    on a last axis and summing it, to the last bit and signed zeros included (a test
    compares the two), without the stacked table."""
    terms = iter(terms)
    if n < 8:
        out = next(terms)
        for x in terms:
            out = out + x
        return out + 0.0
    r = [next(terms) for _ in range(8)]
    for i in range(n // 8 * 8 - 8):
        r[i % 8] = r[i % 8] + next(terms)
    out = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
    for x in terms:
        out = out + x
    return out + 0.0


_PAIRWISE_BLOCK = 128     # NumPy sums a contiguous run of up to this many in one block


def adds_in_order(x: np.ndarray, y: np.ndarray, axis: int) -> bool:
    """NumPy's ``(x * y).sum(axis=axis)`` adds the terms one at a time from zero: the
    product, laid out as NumPy lays it out for these operands, does not hold that axis
    innermost (else NumPy adds it in its pairwise order). Read on the first game of the
    batch (the batch axis is outermost either way)."""
    probe = x[:1] * y[:1]
    strides = [abs(st) for n, st in zip(probe.shape, probe.strides) if n > 1]
    if probe.shape[axis] <= 1:
        return True
    return len(strides) > 1 and abs(probe.strides[axis]) != min(strides)


def members_sum(mask: np.ndarray, vals: np.ndarray) -> np.ndarray:
    """[B,L,N] the sum over k of ``mask[:, :, k, None] * vals[:, k, :]`` for a boolean
    ``mask`` [B,L,K] (who is a member of what) and finite ``vals`` [B,K,N], added one term at
    a time from +0 - as NumPy adds a product's axis that is not its innermost (the caller
    makes sure of it: ``adds_in_order``). A term the mask leaves out is a zero (of either
    sign), which leaves such a running sum as it is (it never becomes -0): the members'
    terms alone, added in the same order, give the same values to the last bit - here member
    by member, only where he is one, without the [B,L,K,N] table."""
    out = np.zeros(mask.shape[:2] + vals.shape[2:], dtype=np.result_type(mask, vals))
    for k in range(mask.shape[2]):
        b, l = np.nonzero(mask[:, :, k])             # each (game, bloc) once: no clashes
        if len(b):
            out[b, l] = out[b, l] + vals[b, k]
    return out


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


def along_last(a: np.ndarray, idx: np.ndarray) -> np.ndarray:
    """``np.take_along_axis(a, idx, axis=-1)`` (``idx`` has as many axes as ``a``, each other
    axis of length 1 or a's): the same values, without the checks that cost more than the
    gather on a played game's small arrays. On a stored array, a ``take`` at flat positions:
    several times cheaper at a large batch than indexing with an index array per axis."""
    if a.size >= LARGE and a.flags.c_contiguous:
        idx = np.asarray(idx)
        if idx.dtype.kind in "iu" and \
                not (idx.astype(np.uint64, copy=False) >= a.shape[-1]).any():   # none negative
            return a.reshape(-1).take(_row_starts(a.shape) + idx)
    return a[_grid(a.shape[:-1]) + (idx,)]


@lru_cache(maxsize=64)
def _row_starts(shape: tuple[int, ...]) -> np.ndarray:
    """[..., 1] the flat position of each last-axis row of an array of ``shape`` (read-only)."""
    out = (np.arange(int(np.prod(shape[:-1]))) * shape[-1]).reshape(shape[:-1] + (1,))
    out.flags.writeable = False
    return out


@lru_cache(maxsize=64)
def _grid(lead: tuple[int, ...]) -> tuple[np.ndarray, ...]:
    """The index arrays of ``along_last``'s other axes, made once for each shape (read-only)."""
    k = len(lead)
    grid = tuple(np.arange(n).reshape((-1,) + (1,) * (k - i)) for i, n in enumerate(lead))
    for g in grid:
        g.flags.writeable = False
    return grid


@lru_cache(maxsize=16)
def eye(n: int) -> np.ndarray:
    """The boolean identity of size ``n``, made once (read-only)."""
    out = np.eye(n, dtype=bool)
    out.flags.writeable = False
    return out
