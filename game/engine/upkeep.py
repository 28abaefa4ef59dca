"""End-of-turn bookkeeping: the slow forces that act every month without anyone moving."""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from . import defiance, power, votes
from .jit import F, kernel
from .state import State

if TYPE_CHECKING:
    from .game import Game


def refill_action_points(g: "Game", s: State) -> None:
    """Each active leader gets the base, plus what his posts and traits give."""
    _refill(s.ap, g.active(s), g.leaders, float(g.params["ap_base"]), g.mod["ap"], s.holder,
            g.post_ap)


@kernel
def _refill(ap, act, leaders, base, trait, holder, post_ap):
    """``refill_action_points`` into ``ap`` [B,P]: the base and each man's trait (``trait``
    [P]), then each post held, in post order (``post_ap`` [K]); nothing for a man who cannot
    act or is no leader."""
    B, P = ap.shape
    row = np.empty(P, dtype=np.float32)
    for b in range(B):
        for p in range(P):
            row[p] = F(base) + trait[p]
        for k in range(holder.shape[1]):
            if holder[b, k] >= 0:
                row[holder[b, k]] += post_ap[k]
        for p in range(P):
            ap[b, p] = row[p] if act[b, p] and leaders[p] else F(0.0)


def faction_costs(g: "Game", s: State, faction: np.ndarray) -> None:
    """Under the ban on factions an open opposition ([B,P] ``faction``) bleeds standing every
    month."""
    ban = s.flags[:, g.fidx["faction_ban"]]
    cost = g.params["faction_cost"] * g.turn_months
    s.prestige -= cost * (faction & ban[:, None])


def drift(g: "Game", s: State) -> None:
    dt = g.turn_months
    act = g.active(s)
    patronage = np.concatenate([g.power_posts["appoint"], g.power_posts["party_org"]])
    _loyalty_and_posts(s.sec_loyalty, s.sec_patron, s.holder, act, patronage,
                       float(g.params["loyalty_drift"] * dt), float(0.03 * dt), s.prestige,
                       g.post_prestige, float(dt))
    _fade(s.prestige, prestige_mark(g, s, act), act, float(g.params["prestige_drift"] * dt),
          s.intel, float(max(0.0, 1.0 - 0.1 * dt)), s.attacked,
          float(g.params["polemic_memory"] ** dt))


@kernel
def _loyalty_and_posts(sec_loyalty, sec_patron, holder, act, patronage, gain, loss, prestige,
                       post_prestige, dt):
    """The secretaries' loyalty (``gain`` and ``loss`` a turn, float64 as the rule adds
    them) and the standing the posts confer, game by game."""
    B, R = sec_loyalty.shape
    for b in range(B):
        for r in range(R):
            pat = sec_patron[b, r]
            # secretaries grow loyal to a patron who still commands the party's patronage -
            # the Secretariat's appointments, or a party organisation of his own - and drift
            # away from one who has lost it (a General Secretary removed keeps his men only
            # while they wait on him); a local man with no patron keeps his loyalty
            step = 0.0
            if pat >= 0:
                in_power = False
                if act[b, pat]:
                    for k in patronage:
                        in_power |= holder[b, k] == pat
                step = gain if in_power else -loss
            x = F(np.float64(sec_loyalty[b, r]) + step)
            sec_loyalty[b, r] = min(max(x, F(0.0)), F(1.0))
        # posts confer standing, each post held in post order
        for k in range(holder.shape[1]):
            h = holder[b, k]
            if h >= 0:
                prestige[b, h] += post_prestige[k] * F(dt) / F(12.0)


@kernel
def _fade(prestige, mark, act, rate, intel, forget, attacked, memory):
    """Standing fades slowly towards its mark (``rate`` a turn) for a man who can act; what
    each knows of the others' doings (``forget``) and the polemics suffered (``memory``) fade
    too."""
    B, P = prestige.shape
    for b in range(B):
        for p in range(P):
            x = prestige[b, p]
            x += F(rate) * (mark[b, p] - x) * F(act[b, p])
            prestige[b, p] = min(max(x, F(0.0)), F(100.0))
            attacked[b, p] *= F(memory)
            for q in range(P):
                intel[b, p, q] *= F(forget)


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
