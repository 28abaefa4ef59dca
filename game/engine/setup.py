"""The first month of a scenario, as batch arrays (every game of the batch starts alike)."""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .state import AXES, BODY, BODIES, INDICATORS, State

if TYPE_CHECKING:
    from .game import Game


def _persons(g: "Game") -> dict[str, np.ndarray]:
    sc, P = g.scenario, g.P
    ideology = np.array([[getattr(p.ideology, a) for a in AXES] for p in sc.persons],
                        dtype=np.float32).reshape(P, 3)
    member = np.zeros((P, len(BODIES)), dtype=bool)
    relations = np.zeros((P, P), dtype=np.float32)
    for i, p in enumerate(sc.persons):
        for body in p.member_of:
            member[i, BODY[body]] = True
        for other, v in p.relations.items():
            relations[i, g.pidx[other]] = v
    return dict(
        prestige=np.array([p.prestige for p in sc.persons], dtype=np.float32),
        ideology=ideology,
        health=np.array([p.health for p in sc.persons], dtype=np.float32),
        alive=np.array([p.health > 0 for p in sc.persons], dtype=bool),   # a start point may begin after a death
        expelled=np.array([p.expelled for p in sc.persons], dtype=bool),
        member=member,
        patron=np.array([g.pidx[p.patron] if p.patron else -1 for p in sc.persons],
                        dtype=np.int16),
        loyalty=np.array([p.loyalty for p in sc.persons], dtype=np.float32),
        relations=relations,
        intel=np.zeros((P, P), dtype=np.float32),
        silenced=np.array([p.expelled for p in sc.persons], dtype=bool),
        speech=np.zeros(P, dtype=np.float32),
        attacked=np.zeros(P, dtype=np.float32),
        ap=np.zeros(P, dtype=np.float32),
    )


def _regions(g: "Game") -> dict[str, np.ndarray]:
    sc = g.scenario
    cohorts = np.array([[r.cohorts.old, r.cohorts.civil_war, r.cohorts.recruits]
                        for r in sc.regions], dtype=np.float32).reshape(g.R, 3)
    cohorts /= np.maximum(cohorts.sum(axis=1, keepdims=True), 1e-6)
    return dict(
        members=np.array([r.members for r in sc.regions], dtype=np.float32),
        cohorts=cohorts,
        sec_patron=np.array([g.pidx[r.secretary.patron] if r.secretary.patron else -1
                             for r in sc.regions], dtype=np.int16),
        sec_loyalty=np.array([r.secretary.loyalty for r in sc.regions], dtype=np.float32),
        lean=np.array([[getattr(r.lean, a) for a in AXES] for r in sc.regions],
                      dtype=np.float32).reshape(g.R, 3),
    )


def _central_committee(g: "Game", member: np.ndarray) -> np.ndarray:
    """Seats not held by named persons, split among patrons by the scenario's shares."""
    sc = g.scenario
    named = int(member[:, BODY["central_committee"]].sum())
    free = max(sc.cc_seats - named, 0)
    seats = np.zeros(g.P + 1, dtype=np.float32)
    for pid, share in sc.cc_clients.items():
        seats[g.pidx[pid]] = round(free * share)
    seats[-1] = max(free - seats[:-1].sum(), 0)
    return seats


def _economy(g: "Game") -> dict[str, np.ndarray]:
    sc = g.scenario
    ind = np.array([getattr(sc.indicators, n) for n in INDICATORS], dtype=np.float32)
    policy = np.array([next(i for i, o in enumerate(q.options) if o.id == q.value)
                       for q in sc.policies], dtype=np.int8)
    flags = np.array([bool(sc.flags.get(f, False)) for f in g.flag_ids], dtype=bool)
    return dict(ind=ind, policy=policy, flags=flags)


def initial_state(g: "Game", seeds: np.ndarray) -> State:
    B = len(seeds)
    one = {**_persons(g), **_regions(g), **_economy(g)}
    one["cc_seats"] = _central_committee(g, one["member"])
    one["holder"] = np.array([g.pidx[k.holder] if k.holder else -1 for k in g.scenario.posts],
                             dtype=np.int16)
    bloc = np.zeros((g.L, g.P), dtype=bool)
    for l, b in enumerate(g.scenario.blocs):
        for pid in b.members:
            bloc[l, g.pidx[pid]] = True
    one["bloc"] = bloc
    one["exposed"] = np.zeros(g.L, dtype=bool)
    one["fired"] = np.zeros(g.E, dtype=bool)
    one["lost"] = np.zeros(len(g.role_ids), dtype=bool)
    one["policy_turn"] = np.full(len(g.scenario.policies), -1, dtype=np.int16)
    one["sec_turn"] = np.full(g.R, -1, dtype=np.int16)
    one["sec_orgburo"] = np.zeros(g.R, dtype=bool)
    for name in ("removed_turn", "expelled_turn", "fell_turn", "condemned_turn",
                 "defied_turn", "recanted_turn"):
        one[name] = np.full(g.P, -1, dtype=np.int16)
    # a verdict given before the scenario opens (a start point after a Conference's or a
    # Congress's condemnation) stands from its first month
    one["condemned_turn"][[p.condemned for p in g.scenario.persons]] = 0
    batch = {k: np.repeat(v[None], B, axis=0) for k, v in one.items()}
    state = State(turn=0, seed=seeds.astype(np.uint64), crisis=np.zeros(B, dtype=np.int16),
                  over=np.zeros(B, dtype=bool), outcome=np.full(B, -1, dtype=np.int16), **batch)
    from .upkeep import refill_action_points
    refill_action_points(g, state)
    return state
