"""End-of-turn bookkeeping: the slow forces that act every month without anyone moving."""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from . import defiance, power, votes
from .state import State

if TYPE_CHECKING:
    from .game import Game


def refill_action_points(g: "Game", s: State) -> None:
    """Each active leader gets the base, plus what his posts and traits give."""
    act = g.active(s) & g.leaders[None, :]
    ap = np.full((s.batch, g.P), g.params["ap_base"], dtype=np.float32) + g.mod["ap"][None, :]
    b, k = np.nonzero(s.holder >= 0)           # each post held, in post order per game
    np.add.at(ap, (b, s.holder[b, k]), g.post_ap[k])
    s.ap[:] = np.where(act, ap, 0.0)


def faction_costs(g: "Game", s: State, faction: np.ndarray) -> None:
    """Under the ban on factions an open opposition ([B,P] ``faction``) bleeds standing every
    month."""
    ban = s.flags[:, g.fidx["faction_ban"]]
    cost = g.params["faction_cost"] * g.turn_months
    s.prestige -= cost * (faction & ban[:, None])


def drift(g: "Game", s: State) -> None:
    dt = g.turn_months
    act = g.active(s)
    # secretaries grow loyal to a patron who still commands the party's patronage - the
    # Secretariat's appointments, or a party organisation of his own - and drift away from one
    # who has lost it (a General Secretary removed keeps his men only while they wait on him)
    pat = np.maximum(s.sec_patron.astype(np.int64), 0)
    standing = act & g.holds_power(s, "appoint", "party_org")
    in_power = (s.sec_patron >= 0) & standing[np.arange(s.batch)[:, None], pat]
    fallen = (s.sec_patron >= 0) & ~in_power      # a local man with no patron keeps his loyalty
    s.sec_loyalty += g.params["loyalty_drift"] * dt * in_power - 0.03 * dt * fallen
    np.clip(s.sec_loyalty, 0, 1, out=s.sec_loyalty)
    # posts confer standing; standing otherwise fades slowly towards the ordinary
    b, k = np.nonzero(s.holder >= 0)           # each post held, in post order per game
    np.add.at(s.prestige, (b, s.holder[b, k]), g.post_prestige[k] * dt / 12.0)
    s.prestige += g.params["prestige_drift"] * dt * (prestige_mark(g, s, act) - s.prestige) * act
    np.clip(s.prestige, 0, 100, out=s.prestige)
    s.intel *= max(0.0, 1.0 - 0.1 * dt)
    s.attacked *= g.params["polemic_memory"] ** dt


def prestige_mark(g: "Game", s: State, act: np.ndarray) -> np.ndarray:
    """[B,P] the standing each man's drifts towards: the ordinary (30), but leader_prestige
    for the leading figure of the party. The standing a victor wins at the congresses and
    plenums is the party's verdict, and its apparatus keeps it before the rank and file
    while his beaten rivals' fades (001_30958367ebd84fe2.txt: "by 1929, he had politically
    defeated and neutralised all his main rivals")."""
    lead = power.leading(s, act, g.params, g.structural, g.leaders)
    mark = np.full(s.prestige.shape, 30.0, dtype=np.float32)
    mark[np.arange(s.batch), lead] = g.params["leader_prestige"]
    return mark


def end_of_turn(g: "Game", s: State, log=None) -> None:
    faction = votes.derive(g, s).faction
    faction_costs(g, s, faction)
    defiance.record(g, s, faction)
    drift(g, s)
    np.clip(s.prestige, 0, 100, out=s.prestige)
