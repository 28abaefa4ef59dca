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
