"""The candidate actions every computer leader weighs, laid out once per game.

Candidates come in blocks, one per kind of action (appoint to each region, a polemic against
each leader, each motion, ...). Every leader has the same layout, so a turn's valuation is a
handful of array operations per block over [games, leaders, candidates] — never a Python loop
over candidates. ``Board`` holds one turn's values, legality, costs and the per-game details
(a removal's target is whoever holds the post in that game).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..engine.actions import KIND, MOTION_KINDS

if TYPE_CHECKING:
    from ..engine.game import Game

NEG = np.float32(-1e9)


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
    """One turn's candidates for every game and leader: [B, N, C] arrays."""

    def __init__(self, menu: Menu, B: int, N: int):
        shape = (B, N, menu.C)
        self.menu = menu
        self.value = np.empty(shape, dtype=np.float32)
        self.legal = np.empty(shape, dtype=bool)
        self.cost = np.empty(shape, dtype=np.float32)
        self.kind = np.empty(shape, dtype=np.int16)
        self.target = np.empty(shape, dtype=np.int16)
        self.arg = np.empty(shape, dtype=np.int16)
        self.group = np.empty(shape, dtype=np.int16)
        self.claim = np.empty(shape, dtype=np.int16)
        self.reset()

    def reset(self) -> "Board":
        """Clear for a new turn: nothing legal or valued, the menu's kinds, no details. (A
        board is kept from turn to turn: at a large batch, touching fresh memory every turn
        costs several times what clearing it does.)"""
        self.value.fill(NEG)
        self.legal.fill(False)
        self.cost.fill(1.0)
        self.kind[...] = self.menu.kind.astype(np.int16)
        for arr in (self.target, self.arg, self.group, self.claim):
            arr.fill(-1)
        return self

    def put(self, name: str, value: np.ndarray, legal: np.ndarray, *, keep=True, target=None,
            arg=None, cost=None, group=None, kind=None, claim=None) -> None:
        """Fill a block: ``legal`` is what the engine would allow, ``keep`` what is worth
        considering (the value is NEG elsewhere)."""
        sl = self.menu[name].sl
        self.legal[:, :, sl] = legal
        self.value[:, :, sl] = np.where(self.legal[:, :, sl] & keep, value, NEG)
        for arr, v in ((self.target, target), (self.arg, arg), (self.cost, cost),
                       (self.group, group), (self.kind, kind), (self.claim, claim)):
            if v is not None:
                arr[:, :, sl] = v
