"""Compiled loops for the hottest rules and valuations.

A batch of games is held in NumPy arrays, and most rules are written as whole-array
expressions. Where one rule or valuation is a long chain of such expressions over small axes
(leaders, blocs, persons), NumPy spends more time making and copying temporary tables than
doing the arithmetic. Such a rule is written instead as a plain loop over game, leader and
candidate, compiled by numba: one implementation, used by a lone game (a batch of one) and
by the lab's batches alike, and game ``i`` of a batch is computed exactly as a lone game,
since no loop reads across games.

``kernel`` compiles a function:
- on first call, and keeps the machine code on disk (``cache``), so later runs load it;
- with NumPy's error model: a division by zero gives an infinity or NaN, as the array forms
  did, rather than raising;
- without fast-math: the sums are made in the order the loop writes them, the same on every
  machine and in every run (the rules' results must not depend on how a compiler reorders).

Scalar constants in a kernel are typed: a Python float is a 64-bit float to numba, so a
float32 quantity is kept float32 with ``F(...)`` where the rule stores it as float32.
"""
from __future__ import annotations

from typing import Callable

import numpy as np
from numba import njit

F = np.float32


def kernel(fn: Callable) -> Callable:
    """``fn`` compiled (lazily, on first call, then cached on disk)."""
    return njit(cache=True, error_model="numpy", nogil=True)(fn)


@kernel
def row_sum(x):
    """The sum of a float32 row [n], added in the order NumPy's sum adds a contiguous row of
    up to 128 (eight running sums, then the rest one by one, then its starting zero): a
    kernel's total is the one NumPy's array forms gave, to the last bit. A longer row is
    added one by one."""
    n = x.shape[0]
    if n < 8 or n > 128:
        out = F(0.0)
        for i in range(n):
            out += x[i]
        return out + F(0.0)
    r0, r1, r2, r3, r4, r5, r6, r7 = x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]
    for i in range(8, n // 8 * 8, 8):
        r0 += x[i]
        r1 += x[i + 1]
        r2 += x[i + 2]
        r3 += x[i + 3]
        r4 += x[i + 4]
        r5 += x[i + 5]
        r6 += x[i + 6]
        r7 += x[i + 7]
    out = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
    for i in range(n // 8 * 8, n):
        out += x[i]
    return out + F(0.0)
