"""The primitive changes to a game, shared by scenario effects, actions and adopted motions.

Each takes a [B] mask of the games it applies to; person/post/region indices may be plain ints
(from a scenario effect) or [B] arrays (from actions, which differ game by game). Those the
actions use have a form ending in ``_at`` that takes the games themselves and one index per
game (the actions of a slot are resolved for the few games that take them), which the masked
form calls.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .arith import clip
from .state import BODY, State

if TYPE_CHECKING:
    from .game import Game

_LEVEL = {"politburo": 0, "central_committee": 1, "party": 2}


def _at(value, b: np.ndarray, dtype) -> np.ndarray:
    """``value`` (one for every game, or a [B] array) in the games ``b``, as ``dtype``
    (without np.broadcast_to, whose Python layers cost more than the copy)."""
    v = np.asarray(value)
    return (v[b] if v.ndim else v.repeat(len(b))).astype(dtype)


def _rows(state: State, mask: np.ndarray, *idx):
    b = mask.nonzero()[0]
    return (b,) + tuple(_at(i, b, np.int64) for i in idx)


def _mark_removed(g: "Game", state: State, b: np.ndarray, p: np.ndarray) -> None:
    """Record the turn a leader was left without any post."""
    if not len(b):
        return
    holds_any = (state.holder[b] == p[:, None]).any(axis=1)
    first = ~holds_any & (state.removed_turn[b, p] < 0) & g.leaders[p]
    state.removed_turn[b[first], p[first]] = state.turn


def join(g, state, mask, person, bloc) -> None:
    join_at(state, *_rows(state, mask, person, bloc))


def join_at(state: State, b: np.ndarray, p: np.ndarray, l: np.ndarray) -> None:
    """``join`` in the games ``b`` (``p``, ``l``: index arrays, row for row)."""
    state.bloc[b, l, p] = True


def leave(g, state, mask, person, bloc) -> None:
    leave_at(state, *_rows(state, mask, person, bloc))


def leave_at(state: State, b: np.ndarray, p: np.ndarray, l: np.ndarray) -> None:
    """``leave`` in the games ``b`` (``p``, ``l``: index arrays, row for row)."""
    state.bloc[b, l, p] = False


def expose(g, state, mask, bloc) -> None:
    b, l = _rows(state, mask, bloc)
    state.exposed[b, l] = True


# the effects that seat a man (a post, a seat on a body): neither takes a man who is dead or
# out of the party (``unseatable``)
SEATING = ("appoint", "enter")


def unseatable(state: State, person) -> np.ndarray:
    """[B] ``person`` (an index, or [B] of them; -1: nobody) is dead or expelled from the
    party, and so takes no post and no seat: the Congress of 1927 does not elect an expelled
    Menzhinsky to the Central Committee, nor does he succeed Dzerzhinsky at the OGPU. The post
    or the seat stays as it was."""
    p = np.broadcast_to(np.asarray(person, dtype=np.int64), (state.batch,))
    rows = np.arange(state.batch)
    safe = np.maximum(p, 0)
    return (p >= 0) & (~state.alive[rows, safe] | state.expelled[rows, safe])


def appoint(g, state, mask, person, post) -> None:
    """``person`` takes the post (-1: it is left vacant), unless he is dead or expelled."""
    b, p, k = _rows(state, mask & ~unseatable(state, person), person, post)
    old = state.holder[b, k].astype(np.int64)
    state.holder[b, k] = p
    had = old >= 0
    _mark_removed(g, state, b[had], old[had])


def vacate(g, state, mask, post) -> None:
    b, k = _rows(state, mask, post)
    old = state.holder[b, k].astype(np.int64)
    state.holder[b, k] = -1
    had = old >= 0
    _mark_removed(g, state, b[had], old[had])


def expel(g, state, mask, person, level) -> None:
    lv = _LEVEL[level] if isinstance(level, str) else level
    b, p, lv = _rows(state, mask, person, lv)
    # he falls (``fell_turn``) only from a Politburo seat: a man cast out of the Committee or
    # the party who never sat there has not fallen from it (Radek, Preobrazhensky)
    sat = state.member[b, p, BODY["politburo"]] | state.member[b, p, BODY["politburo_candidate"]]
    for code, bodies in ((0, ("politburo", "politburo_candidate")),
                         (1, ("central_committee", "politburo", "politburo_candidate",
                              "secretariat", "orgburo")),
                         (2, tuple(BODY))):
        sel = lv >= code
        for body in bodies:
            state.member[b[sel], p[sel], BODY[body]] = False
    first = (state.fell_turn[b, p] < 0) & sat
    state.fell_turn[b[first], p[first]] = state.turn
    party = lv == 2
    bp, pp = b[party], p[party]
    state.expelled[bp, pp] = True
    state.silenced[bp, pp] = True
    state.bloc[bp, :, pp] = False
    state.expelled_turn[bp, pp] = np.where(state.expelled_turn[bp, pp] < 0, state.turn,
                                           state.expelled_turn[bp, pp])
    _drop_posts(g, state, bp, pp)
    _orphan_clients(g, state, bp, pp)


def _drop_posts(g, state, b: np.ndarray, p: np.ndarray) -> None:
    for k in range(g.K):
        lost = state.holder[b, k] == p
        state.holder[b[lost], k] = -1
    _mark_removed(g, state, b, p)


def _orphan_clients(g, state, b: np.ndarray, p: np.ndarray) -> None:
    """A fallen patron's Central Committee clients become unattached."""
    state.cc_seats[b, -1] += state.cc_seats[b, p]
    state.cc_seats[b, p] = 0.0


def kill(g, state, mask, person) -> None:
    b, p = _rows(state, mask, person)
    state.alive[b, p] = False
    state.health[b, p] = 0.0
    state.bloc[b, :, p] = False
    for body in BODY.values():
        state.member[b, p, body] = False
    _drop_posts(g, state, b, p)
    _orphan_clients(g, state, b, p)


def set_policy(g, state, mask, policy, option) -> None:
    if isinstance(option, str):
        option = [o.id for o in g.scenario.policies[policy].options].index(option)
    set_policy_at(state, *_rows(state, mask, policy, option))


def set_policy_at(state: State, b: np.ndarray, q, o: np.ndarray) -> None:
    """``set_policy`` in the games ``b``: policy ``q`` (an index, or one per row) to the
    options ``o``."""
    q = np.broadcast_to(np.asarray(q, dtype=np.int64), b.shape)
    changed = state.policy[b, q] != o
    state.policy[b, q] = o
    state.policy_turn[b[changed], q[changed]] = state.turn


def relation(g, state, mask, p1, p2, delta) -> None:
    """Their regard for each other moves by ``delta``, both ways; nobody's for himself (an
    event's ``decider`` may be the man named beside him)."""
    b, a, c = _rows(state, mask, p1, p2)
    relation_at(state, b, a, c, _at(delta, b, np.float32))


def relation_at(state: State, b: np.ndarray, a: np.ndarray, c: np.ndarray, d) -> None:
    """``relation`` in the games ``b`` between ``a`` and ``c`` (row for row), by ``d``
    (float32: one for every row, or one each)."""
    other = a != c
    b, a, c = b[other], a[other], c[other]
    if np.ndim(d):
        d = d[other]
    state.relations[b, a, c] = clip(state.relations[b, a, c] + d, -1, 1)
    state.relations[b, c, a] = clip(state.relations[b, c, a] + d, -1, 1)


def secretary(g, state, mask, region, person, loyalty, orgburo=False) -> None:
    """``person``'s man becomes the region's secretary this turn; ``orgburo`` [B] or scalar:
    placed by a decision of the Orgburo rather than the General Secretary's."""
    b, r, p = _rows(state, mask, region, person)
    secretary_at(state, b, r, p, _at(loyalty, b, np.float32), _at(orgburo, b, bool))


def secretary_at(state: State, b: np.ndarray, r: np.ndarray, p: np.ndarray, loyalty,
                 orgburo) -> None:
    """``secretary`` in the games ``b`` (``r``, ``p``: index arrays, row for row);
    ``loyalty`` and ``orgburo``: one for every row or one each."""
    state.sec_patron[b, r] = p
    state.sec_loyalty[b, r] = clip(np.asarray(loyalty, dtype=np.float32), 0, 1)
    state.sec_turn[b, r] = state.turn
    state.sec_orgburo[b, r] = orgburo


def recruit(g, state, mask, region, thousands) -> None:
    """New members join; they are all recruits, so the cohort shares shift."""
    b = np.flatnonzero(mask)
    everywhere = np.ndim(region) == 0 and int(region) < 0
    recruit_at(state, b, -1 if everywhere else _at(region, b, np.int64),
               _at(thousands, b, np.float32))


def recruit_at(state: State, b: np.ndarray, region, add: np.ndarray) -> None:
    """``recruit`` in the games ``b``: ``add`` ([n], thousands, cast to float32) in the region
    of each row (``region`` [n]), or spread over every region (``region`` -1)."""
    add = np.asarray(add, dtype=np.float32)
    if np.ndim(region) == 0:                      # spread over every region by size
        share = state.members[b] / state.members[b].sum(axis=1, keepdims=True)
        new = share * add[:, None]
        old_total = state.members[b].copy()
        state.members[b] += new
        _shift_cohorts(state, b, slice(None), old_total, new)
        return
    r = region
    old_total = state.members[b, r].copy()
    state.members[b, r] += add
    c = state.cohorts[b, r] * (old_total / (old_total + add))[:, None]
    c[:, 2] += add / (old_total + add)
    state.cohorts[b, r] = c


def _shift_cohorts(state, b, regions, old_total, new) -> None:
    total = old_total + new
    c = state.cohorts[b]
    c *= (old_total / total)[:, :, None]
    c[:, :, 2] += new / total
    state.cohorts[b] = c


def silence(g, state, mask, person) -> None:
    b, p = _rows(state, mask, person)
    state.silenced[b, p] = True


def defy(g, state, mask, person) -> None:
    """An act of open defiance of the majority (a demonstration, a platform, an underground
    press): the party remembers it (game.engine.defiance)."""
    b, p = _rows(state, mask, person)
    state.defied_turn[b, p] = state.turn


def condemn(g, state, mask, person) -> None:
    """A verdict on his views: a resolution against the line he stands for condemns him as a
    motion against the man does (game.engine.defiance: the party's grace to submit runs from
    it)."""
    b, p = _rows(state, mask, person)
    state.condemned_turn[b, p] = state.turn


def recant(g, state, mask, person) -> None:
    """He renounces his opposition: leaves every bloc and submits to the majority, which
    remembers it (game.engine.defiance)."""
    b, p = _rows(state, mask, person)
    state.bloc[b, :, p] = False
    state.recanted_turn[b, p] = state.turn


def enter(g, state, mask, person, body) -> None:
    """A seat on ``body`` (the Politburo's takes him off its candidates), unless he is dead or
    expelled."""
    b, p, k = _rows(state, mask & ~unseatable(state, person), person, body)
    state.member[b, p, k] = True
    if k.size:
        full = k == BODY["politburo"]
        state.member[b[full], p[full], BODY["politburo_candidate"]] = False


def demote(g, state, mask, person) -> None:
    """From full to candidate member of the Politburo: a seat without a vote."""
    b, p = _rows(state, mask, person)
    state.member[b, p, BODY["politburo"]] = False
    state.member[b, p, BODY["politburo_candidate"]] = True
