"""The candidate actions every computer leader weighs, laid out once per game.

Candidates come in blocks, one per kind of action (appoint to each region, a polemic against
each leader, each motion, ...). Every leader has the same layout, so a turn's valuation works
block by block over [games, leaders, candidates]. ``Board`` holds one turn's values, legality,
costs and the per-game details (a removal's target is whoever holds the post in that game).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

import numpy as np

from ..engine.actions import KIND, MOTION_KINDS
from ..engine.arith import LARGE
from ..engine.jit import kernel

if TYPE_CHECKING:
    from ..engine.game import Game

NEG = np.float32(-1e9)
_NONE = np.zeros(0, dtype=np.int64)          # no positions


@dataclass(frozen=True)
class Block:
    name: str
    kind: str
    start: int
    size: int

    @property
    def sl(self) -> slice:
        return slice(self.start, self.start + self.size)


class Menu:
    """Block layout for the game ``g`` with ``N`` leaders."""

    def __init__(self, g: "Game", N: int):
        sizes = [("appoint", "appoint_secretary", g.R), ("recruit", "recruit", 1 + g.R),
                 ("speak", "speak", 1), ("polemic", "polemic", N),
                 ("gather", "gather_information", g.P), ("condemn", "condemn", N),
                 ("remove", "remove_from_post", g.K), ("expel", "expel", N)]
        if "demote" in KIND:
            sizes.append(("demote", "demote", N))
        sizes += [("promote", "promote", 1), ("propose", "propose", len(g.motion_ids)),
                  ("testament", "testament", 2),
                  ("comintern", "set_comintern", len(g.comintern_options())),
                  ("bloc", "join_bloc", 1)]
        self.blocks: dict[str, Block] = {}
        start = 0
        for name, kind, n in sizes:
            self.blocks[name] = Block(name, kind, start, n)
            start += n
        self.C = start
        self.kind = np.zeros(self.C, dtype=np.int64)
        for b in self.blocks.values():
            self.kind[b.sl] = KIND[b.kind]
        self.is_motion = np.isin(self.kind, [KIND[k] for k in MOTION_KINDS])
        self.G = g.P + 4                       # exclusive groups: one per target person, then
        self.GROUP_BLOC, self.GROUP_TESTAMENT, self.GROUP_COMINTERN, self.GROUP_SPEAK = \
            g.P, g.P + 1, g.P + 2, g.P + 3
        # claims: what only one leader of a game should do in a turn (appoint to a region,
        # move a policy lever — by motion or, for the Comintern, by decree — move against a
        # person, promote a person, raise the Testament)
        M = len(g.motion_ids)
        self.CLAIM_REGION, self.CLAIM_LINE = 0, g.R
        self.CLAIM_AGAINST = g.R + g.Q + M
        self.CLAIM_PROMOTE = self.CLAIM_AGAINST + g.P
        self.CLAIM_TESTAMENT = self.CLAIM_PROMOTE + g.P
        self.KEYS = self.CLAIM_TESTAMENT + 1

    def __getitem__(self, name: str) -> Block:
        return self.blocks[name]


class Board:
    """One turn's candidates for every game and leader: [B, N, C] arrays.

    A board is kept from turn to turn (at a large batch, touching fresh memory every turn
    costs several times what clearing it does), and most of what a block is given is the same
    every turn (its targets, its claims, its cost): a detail that does not vary by game is
    written only when it changes, and a block is cleared only where the last turn left
    something in it. What stays true: after ``reset``, the ``put`` calls of a turn and
    ``settle``, every array holds what a fresh board given the same ``put`` calls would.
    (The arrays may be edited after ``settle`` — a scripted player edits the alliance
    column — but only in the cells every turn writes: a block's values and legality, and a
    detail given per game.)"""

    FIELDS = ("target", "arg", "cost", "group", "kind", "claim")

    def __init__(self, menu: Menu, B: int, N: int):
        shape = (B, N, menu.C)
        self.menu = menu
        self.value = np.full(shape, NEG, dtype=np.float32)
        self.legal = np.zeros(shape, dtype=bool)
        self.cost = np.ones(shape, dtype=np.float32)
        self.kind = np.empty(shape, dtype=np.int16)
        self.kind[...] = menu.kind.astype(np.int16)
        self.target = np.full(shape, -1, dtype=np.int16)
        self.arg = np.full(shape, -1, dtype=np.int16)
        self.group = np.full(shape, -1, dtype=np.int16)
        self.claim = np.full(shape, -1, dtype=np.int16)
        # block -> {field: what it holds other than the default (None: values by game)}
        self._held: dict = {name: {} for name in menu.blocks}
        self._put: set = set()          # blocks given this turn
        self._blank = set(menu.blocks)  # blocks with no values and nothing legal
        # the flat positions of each block's values other than NEG (None: not kept, after a
        # block valued in many cells)
        self._valued: dict = {name: _NONE for name in menu.blocks}

    def reset(self) -> "Board":
        """Clear for a new turn: nothing legal or valued, the menu's kinds, no details (done
        by ``settle`` for the blocks this turn does not give)."""
        self._put = set()
        return self

    def settle(self) -> "Board":
        """Clear the blocks this turn has not given (once its ``put`` calls are done)."""
        for name in self.menu.blocks:
            if name in self._put:
                continue
            sl = self.menu[name].sl
            if name not in self._blank:
                self.value[:, :, sl] = NEG
                self.legal[:, :, sl] = False
                self._blank.add(name)
                self._valued[name] = _NONE
            for field in list(self._held[name]):
                self._clear(field, name, sl)
        return self

    def put(self, name: str, value: np.ndarray, legal: np.ndarray, *, keep=True, target=None,
            arg=None, cost=None, group=None, kind=None, claim=None) -> None:
        """Fill a block: ``legal`` is what the engine would allow, ``keep`` what is worth
        considering (the value is NEG elsewhere). Each broadcasts to the block's [B,N,size]."""
        sl = self.menu[name].sl
        # the value as np.where(legal & keep, value, NEG) would give it (its dtype), then
        # stored as float32
        v = _as3(value, np.result_type(value, NEG))
        old = self._valued[name]
        pos, dense = _fill(self.value, self.legal, sl.start, sl.stop - sl.start,
                           _as3(legal, np.bool_), _as3(keep, np.bool_), v,
                           _NONE if old is None else old, old is None)
        self._valued[name] = None if dense else pos
        self._put.add(name)
        self._blank.discard(name)
        held = self._held[name]
        for field, v in zip(self.FIELDS, (target, arg, cost, group, kind, claim)):
            if v is None:
                if field in held:
                    self._clear(field, name, sl)
                continue
            arr = getattr(self, field)
            key = self._constant(arr, v) if arr.size >= LARGE else None
            if key is None or held.get(field) != key:
                _detail(arr, sl.start, sl.stop - sl.start,
                        _as3(v, np.float64 if arr.dtype.kind == "f" else np.int64))
                held[field] = key
            # else: the block already holds this constant

    def _constant(self, arr: np.ndarray, v) -> Optional[tuple]:
        """What identifies ``v`` as written into ``arr`` when it is the same for every game
        (no batch axis, or one broadcast over a batch of several games); None when it varies
        by game (or cannot be told apart from a game's own values: a batch of one)."""
        v = np.asarray(v)
        if v.ndim >= 3:
            if arr.shape[0] == 1 or not (v.shape[0] == 1 or v.strides[0] == 0):
                return None
            v = v[0]
        return v.shape, v.astype(arr.dtype).tobytes()

    def _clear(self, field: str, name: str, sl: slice) -> None:
        """Give the block its default ``field`` (the menu's kind; 1 for the cost; else -1)."""
        if self._held[name].pop(field, False) is False:
            return
        arr = getattr(self, field)
        if field == "kind":
            arr[:, :, sl] = self.menu.kind[sl]
        else:
            arr[:, :, sl] = 1.0 if field == "cost" else -1


def _as3(x, dtype) -> np.ndarray:
    """``x`` as a C-ordered 3-D array of ``dtype`` in its own shape (leading axes of one
    added, an axis it is broadcast along cut to one), for the kernels that write a block:
    one layout, so that each compiles once a dtype, and no copy of what is broadcast."""
    a = np.asarray(x)
    a = a.reshape((1,) * (3 - a.ndim) + a.shape)
    a = a[tuple(slice(0, 1) if st == 0 else slice(None) for st in a.strides)]
    return np.ascontiguousarray(a, dtype=dtype)


@kernel
def _detail(arr, start, size, v):
    """Write ``v`` (broadcast to [B,N,size], an axis of one read at 0) into the block of
    ``size`` columns at ``start`` of the board's ``arr``, in its dtype."""
    B, N, _ = arr.shape
    sv = v.shape[2] > 1
    for b in range(B):
        for n in range(N):
            x = _row(v, b, n)
            row = arr[b, n, start:start + size]
            for j in range(size):
                row[j] = x[j * sv]


@kernel
def _row(a, b, n):
    """Row (game ``b``, leader ``n``) of a block input in its own shape (``_as3``): an axis
    of one is read at 0."""
    return a[b * (a.shape[0] > 1), n * (a.shape[1] > 1)]


@kernel
def _fill(value, legal, start, size, ok, keep, v, old, whole):
    """Write the block of ``size`` columns at ``start``: its legality ``ok``, and its values
    ``v`` where legal and worth considering (NEG elsewhere). ``ok``, ``keep`` and ``v``
    broadcast to the block's [B,N,size] (an axis of one is read at 0). ``old``: the flat
    positions the block was valued at (``whole``: all of it may have been). Returns the
    positions valued now and whether the block was written whole instead.

    Most blocks are worth considering in a few cells (a motion against a rival, the
    Testament): only those are written, and last turn's cleared, rather than the block
    (whose rows of values, at a large batch, are far apart in memory)."""
    B, N, C = value.shape
    # 1 along an axis the input has, 0 along one it broadcasts
    so, sk, sv = ok.shape[2] > 1, keep.shape[2] > 1, v.shape[2] > 1
    count = 0
    for b in range(B):
        for n in range(N):
            o, k = _row(ok, b, n), _row(keep, b, n)
            legal_row = legal[b, n, start:start + size]
            for j in range(size):
                legal_row[j] = o[j * so]
                count += o[j * so] & k[j * sk]
    if count * 8 > B * N * size:                # valued in many cells: written whole
        _fill_whole(value, start, size, ok, keep, v)
        return np.empty(0, dtype=np.int64), True
    if whole:
        value[:, :, start:start + size] = NEG
    else:
        flat = value.reshape(-1)
        for p in old:
            flat[p] = NEG
    pos = np.empty(count, dtype=np.int64)
    i = 0
    for b in range(B):
        for n in range(N):
            o, k, x = _row(ok, b, n), _row(keep, b, n), _row(v, b, n)
            for j in range(size):
                if o[j * so] & k[j * sk]:
                    value[b, n, start + j] = np.float32(x[j * sv])
                    pos[i] = (b * N + n) * C + start + j
                    i += 1
    return pos, False


@kernel
def _fill_whole(value, start, size, ok, keep, v):
    """The block's values, every cell written (_fill's arguments)."""
    B, N, _ = value.shape
    so, sk, sv = ok.shape[2] > 1, keep.shape[2] > 1, v.shape[2] > 1
    for b in range(B):
        for n in range(N):
            o, k, x = _row(ok, b, n), _row(keep, b, n), _row(v, b, n)
            row = value[b, n, start:start + size]
            # without branches: legality and worth vary cell by cell
            for j in range(size):
                row[j] = np.float32(x[j * sv]) if o[j * so] & k[j * sk] else NEG
