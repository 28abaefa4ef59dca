"""Every random draw in the game goes through here.

A draw is a pure function of (game seed, turn, site, k): a counter-based hash (SplitMix64's
finaliser), so game *i* of a batch is the same game as a lone game with that seed, whatever
else is in the batch, and a replay needs only the seed. ``site`` names the place in the rules
that draws (a constant per call site, see SITES); ``k`` numbers draws within one site and turn.
"""
from __future__ import annotations

import numpy as np

from .jit import kernel

_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_MASK = (1 << 64) - 1
_TO_UNIT = 1.0 / float(1 << 53)

# Draw sites used by the engine; expressions' chance() calls use sites >= 1 << 20.
SITES = {
    "vote_noise": 1,
    "stroke": 2,
    "harvest": 3,
    "event_chance": 4,
    "choice": 5,
    "sitting_noise": 6,
    "ai": 7,
}


_S30, _S27, _S31, _S11, _ONE = (np.uint64(n) for n in (30, 27, 31, 11, 1))
_PAIR = np.array([0, 1], dtype=np.int64)


# The first two rounds depend on the game, the turn and the site only: a turn's many draws at
# one site share them (a small memo, cleared as it fills). The memo holds them with the last
# round's "+ 1" already added (the sum wraps the same way in either order).
_PREFIX: dict = {}


def _prefix(s: np.ndarray, turn: int, site: int) -> np.ndarray:
    """The first two rounds for seeds ``s``, plus one (any shape: the memo holds them flat)."""
    key = (s.tobytes(), turn, site)
    x = _PREFIX.get(key)
    if x is None:
        if len(_PREFIX) > 256:
            _PREFIX.clear()
        x = _prefixes(s.reshape(-1), np.uint64(turn + 1),
                      np.uint64((site * int(_GOLDEN)) & _MASK))    # in Python ints: no wrap
        x.flags.writeable = False
        _PREFIX[key] = x
    return x.reshape(s.shape)


def hash64(seed: np.ndarray, turn: int, site: int, k: np.ndarray | int = 0,
           per_game: bool = False) -> np.ndarray:
    """A 64-bit hash per game and per k. An array ``k`` is shared by every game (result
    [B, *k.shape]) unless ``per_game``, when its first axis is the batch axis."""
    x, kk, shape = _operands(seed, turn, site, k, per_game)
    return _hashes(x, kk).reshape(shape)


def uniform(seed: np.ndarray, turn: int, site: int, k: np.ndarray | int = 0,
            per_game: bool = False) -> np.ndarray:
    """Uniform floats in [0, 1), shape [B] or [B, *k.shape] (see hash64 for ``per_game``)."""
    h = hash64(seed, turn, site, k, per_game)
    h >>= _S11
    return np.multiply(h, _TO_UNIT)       # to float64 exactly: h < 2**53


def _operands(seed, turn: int, site: int, k, per_game: bool):
    """The games' first two rounds ([M], plus one), ``k`` as [1 or M, K], and the shape of
    the draws."""
    s = np.asarray(seed, dtype=np.uint64)
    kk = np.asarray(k, dtype=np.uint64)
    x = _prefix(s, turn, site).reshape(-1)
    if not kk.ndim:
        return x, kk.reshape(1, 1), s.shape
    if not per_game:
        return x, kk.reshape(1, kk.size), s.shape + kk.shape
    if s.ndim > 1:
        raise ValueError("per-game draws take a batch of seeds, one axis")
    rows = max(s.size, kk.shape[0])
    return x, kk.reshape(kk.shape[0], kk[:1].size), (rows,) + kk.shape[1:]


@kernel
def _hashes(x, kk):
    """[M', K] the last round for the games' prefixes ``x`` [M] and the draws ``kk`` [1 or
    M, K] (either of M and kk's rows may be one, and is then shared); uint64 arithmetic
    wraps, as the hash wants."""
    M, (R, K) = x.shape[0], kk.shape
    rows = max(M, R)
    out = np.empty((rows, K), dtype=np.uint64)
    for b in range(rows):
        xb = x[b if M > 1 else 0]
        r = b if R > 1 else 0
        for j in range(K):
            out[b, j] = _mix1(xb + kk[r, j] * _GOLDEN)
    return out


@kernel
def _prefixes(seeds, turn1, site_key):
    """[M] the first two rounds for ``seeds`` [M] at a turn (plus one) and a site (times the
    golden ratio), plus one."""
    out = np.empty_like(seeds)
    for b in range(seeds.shape[0]):
        out[b] = _mix1(_mix1(seeds[b] * _GOLDEN + turn1) ^ site_key) + _ONE
    return out


@kernel
def _mix1(x):
    """SplitMix64's finaliser of one uint64."""
    x ^= x >> _S30
    x *= _M1
    x ^= x >> _S27
    x *= _M2
    x ^= x >> _S31
    return x


def normal(seed: np.ndarray, turn: int, site: int, k: np.ndarray | int = 0,
           per_game: bool = False) -> np.ndarray:
    """Standard normal draws (Box-Muller over two independent uniforms, the draws 2k and
    2k + 1, hashed in one call as a last axis of two)."""
    pair = np.asarray(k, dtype=np.int64)[..., None] * 2 + _PAIR
    u = uniform(seed, turn, site, pair, per_game)
    return np.sqrt(-2.0 * np.log1p(-u[..., 0])) * np.cos(2.0 * np.pi * u[..., 1])
