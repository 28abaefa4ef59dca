"""What the immediate actions are worth: the apparatus (appointments, recruitment, the police
files), the word (speeches, polemics) and the Comintern line.

Values are in points of *standing* (the engine's measure of who leads the party, about 0.2 to
0.5 for a leader): a gain to oneself counts in full, a loss to a rival by how much one fears
him (``rho``: 1 for the greatest threat). Legality mirrors the engine's checks
(game/engine/legality.py) so that the rivals only ever choose legal actions.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..engine.actions import KIND
from ..engine.arith import LARGE, adds_in_order, along_last, clip, dist3, dot_last, \
    members_sum
from ..engine.legality import appointment_stands, bloc_hidden
from ..engine.resolve import polemic_author_gain, polemic_fatigue

if TYPE_CHECKING:
    from .rivals import Turn

F = np.float32
KAPPA = F(0.004)          # one point of prestige, in standing (its share plus its pull in votes)
ACT_MIN = 0.006           # an action worth less than this (in standing) is not worth the bother


def person_ok(t: "Turn", who: np.ndarray, ok: np.ndarray | None = None) -> np.ndarray:
    """[B,N,T] ``who`` [.., T] may be the object of an action by each leader: alive, in the
    party (or ``ok`` [B,P], when given), not himself (legality._person_ok)."""
    s, lead = t.s, t.ctx.lead
    who = np.asarray(who)
    ok = s.alive & ~s.expelled if ok is None else ok                             # [B,P]
    if who.ndim < 3 or who.shape[0] == 1 or who.strides[0] == 0:
        # the same men in every game: each looked up once, not once per game and leader
        core = np.maximum(who[0] if who.ndim == 3 else who, 0)
        if core.ndim == 2 and core.shape[0] > 1 and core.strides[0] == 0:
            core = core[:1]                                # and the same for every leader
        there = ok[:, core] if core.ndim == 2 else ok[:, None, core]
    else:                                       # a game's own men, often the same per leader
        one = who[:, :1] if who.shape[1] > 1 and who.strides[1] == 0 else who
        there = along_last(ok[:, None, :], np.maximum(one, 0))
    # the terms broadcast to [B,N,T] between them: the state's rows bring B, ``lead`` brings N
    return (who >= 0) & there & (who != lead[None, :, None])


def machine(t: "Turn", loyalty, recruits) -> np.ndarray:
    """power.machine_share for hypothetical loyalty and recruit shares."""
    g = t.g
    m = loyalty * (g.params["machine_base"] + g.params["machine_recruits"] * recruits)
    return clip(m * (0.5 + g.structural), 0.0, 0.95)


def delegate_weight(t: "Turn") -> np.ndarray:
    """[B,1,1] what a point of delegate share is worth: its own weight in standing, the
    Central Committee seats it brings at the next Congress (if foreseen), the sittings' votes."""
    ctx = t.ctx
    w = np.full(t.s.batch, 0.25, dtype=F)
    if ctx.to_congress is not None:
        w = w + 0.30 * ctx.free_frac * np.exp(-ctx.to_congress / t.dif.horizon)
    return w[:, None, None]


def _owner_delta(t: "Turn", share_new, m_new, share_old, m_old,
                 rows: np.ndarray | None = None) -> np.ndarray:
    """[B,N,C] own gain minus feared rivals' gain in delegate share, for candidates whose
    region shares/machines are [B,C,R] (new) against [B,R] (old); with ``rows`` [B,N], only
    for the leaders (of each game) it marks, 0 for the others."""
    s, ctx = t.s, t.ctx
    owner = s.sec_patron.astype(np.int64)                                  # [B,R]
    # what a point of delegates in each region is to me: mine (+1), a feared rival's (-rho)
    w = np.where(owner[:, None, :] == ctx.lead[None, :, None], 1.0,
                 -t.rho_of_secretaries * (owner >= 0)[:, None, :])
    d = share_new * m_new - (share_old * m_old)[:, None, :]                 # [B,C,R]
    if rows is None:
        return dot_last(w[:, :, None, :], d[:, None, :, :]).astype(F)        # [B,N,C]
    # each row's sum over the regions is its own, added in the same order for the marked
    # rows alone (both laid out in C order: dot_last's pairwise sum of a contiguous last
    # axis) as for the whole table: the same values where they are read
    out = np.zeros(w.shape[:2] + d.shape[1:2], dtype=F)
    b, n = np.nonzero(rows)
    if len(b):
        out[b, n] = dot_last(w[b, n][:, None, :], d[b]).astype(F)           # [K,C]
    return out


def appoint(t: "Turn") -> None:
    g, s, ctx = t.g, t.s, t.ctx
    lead = ctx.lead
    from ..engine.state import BODY
    can = (ctx.power["appoint"] | s.member[:, :, BODY["orgburo"]])[:, lead]      # [B,N]
    held = t.region_held()                                                       # [B,N,R]
    owner = s.sec_patron.astype(np.int64)
    mine = owner[:, None, :] == lead[None, :, None]
    legal = can[..., None] & ~held & ~(mine & (s.sec_loyalty[:, None, :] >= 0.8))
    legal &= ~appointment_stands(g, s, lead[None, :, None], owner[:, None, :],
                                 s.sec_turn[:, None, :], s.sec_orgburo[:, None, :])
    d = ctx.delegates
    share = d / d.sum(axis=1, keepdims=True)                                     # [B,R]
    cur = ctx.machine                                                            # [B,R]
    loy = g.params["appoint_loyalty"] + g.mod["appoint_loyalty"][lead]           # [N]
    m_new = machine(t, loy[None, :, None], s.cohorts[:, None, :, 2])             # [B,N,R]
    gain = share[:, None, :] * (m_new - mine * cur[:, None, :])
    oc = np.maximum(owner, 0)[:, None, :]
    other = (owner >= 0)[:, None, :] & ~mine
    rho_o = np.where(other, t.rho_of_secretaries, 0.0)
    ally_o = other & along_last(t.allied_leaders, oc)
    loss = share[:, None, :] * cur[:, None, :]
    delta = np.where(ally_o, 0.0, gain + rho_o * loss)          # never poach an ally's man
    # a man placed without the General Secretary's powers lasts only until he moves him
    gs = ctx.power["appoint"][:, lead]
    bi1 = np.arange(s.batch)
    friend = ctx.allied[bi1, np.maximum(ctx.gensec, 0)][:, lead] & (ctx.gensec >= 0)[:, None]
    lasting = np.where(gs, 1.0, np.where(friend, 0.5, 0.15))[..., None]
    value = delta * delegate_weight(t) * lasting * t.weight("appoint_secretary")
    cost = np.where(gs, 1.0, 2.0)[..., None]
    t.board.put("appoint", value, legal, keep=(value > 0), target=np.arange(g.R), cost=cost,
                claim=t.menu.CLAIM_REGION + np.arange(g.R))


def recruit(t: "Turn") -> None:
    g, s, ctx = t.g, t.s, t.ctx
    lead = ctx.lead
    legal = ctx.power["recruit"][:, lead][..., None]
    a = g.params["recruit_size"]
    d = ctx.delegates.astype(F)
    share = d / d.sum(axis=1, keepdims=True)
    rec = s.cohorts[:, :, 2]
    cur = ctx.machine
    R = g.R
    # candidate 0: every region; candidate 1+r: region r alone (twice the intake there)
    eye = np.eye(R, dtype=F)
    grow = np.concatenate([np.full((1, R), a, dtype=F), 2 * a * eye], axis=0)     # [C,R]
    rec_new = (rec[:, None, :] + grow) / (1.0 + grow)                            # [B,C,R]
    d_new = d[:, None, :] * (1.0 + grow)
    share_new = d_new / d_new.sum(axis=2, keepdims=True)
    m_new = machine(t, s.sec_loyalty[:, None, :], rec_new)
    m_new = np.where(s.sec_patron[:, None, :] >= 0, m_new, 0.0)
    # valued only where he may recruit (the board keeps no value where it is not legal)
    delta = _owner_delta(t, share_new, m_new, share, cur, rows=legal[..., 0])    # [B,N,C]
    # a party already swollen with recruits gains little from another drive
    fresh = (1.0 - (rec * share).sum(axis=1))[:, None, None] ** 2
    value = delta * fresh * delegate_weight(t) * t.weight("recruit")
    t.board.put("recruit", value, legal, keep=(value > 0), target=np.arange(-1, R), cost=2.0)


def speak(t: "Turn") -> None:
    s, ctx = t.s, t.ctx
    lead = ctx.lead
    if ctx.sitting is None:
        return
    legal = ~s.silenced[:, lead]
    first = np.argmax(ctx.standing, axis=1)
    stake = (lead[None, :] == first[:, None]) | ctx.faction[:, lead] | (ctx.top_val > 0.15)
    sway = (0.5 + s.prestige[:, lead] / 100.0) * t.g.mod["speech"][lead]
    value = (KAPPA + 0.012 * sway * np.where(stake, 1.0, 0.4)) * t.weight("speak")[..., 0]
    t.board.put("speak", value[..., None], legal[..., None], group=t.menu.GROUP_SPEAK)


def polemic(t: "Turn") -> None:
    g, s, ctx = t.g, t.s, t.ctx
    lead = ctx.lead
    tg = lead[None, None, :]
    legal = person_ok(t, tg)
    press = ctx.power["press"][:, lead][..., None]
    hit = g.params["polemic_prestige"] * g.mod["polemic"][lead][None, :, None] * \
        np.where(press, 1.5, 1.0)
    lean = ctx.lean[:, None, :]
    mine = dist3(s.ideology[:, lead, :], lean)                    # [B,N]
    theirs = mine[:, None, :]                                                   # [B,1,T]
    rho = ctx.rho[:, :, lead] * np.minimum(ctx.danger[:, :, lead], 1.0)         # [B,N,T]
    # a polemic tells against a man in proportion to the standing he has to lose
    hit = hit * clip(s.prestige[:, lead] / 40.0, 0.25, 1.5)[:, None, :]
    # ...and less against a man the press has been hammering lately (the engine's fatigue)
    hit = hit * polemic_fatigue(g, s, slice(None), lead)[:, None, :]
    # ...and less from the weaker side, whose pamphlets cost their author (the engine's rule)
    weaker = ctx.standing[:, lead][:, :, None] < ctx.standing[:, lead][:, None, :]
    hit = hit * np.where(weaker, g.params["polemic_from_below"], 1.0)
    closer = mine[..., None] < theirs
    own = polemic_author_gain(g, hit, closer & ~weaker)
    # [B,N,T] tables of the leaders among themselves (row n: leader n; column: the target)
    ally = ctx.allied[:, lead[:, None], lead[None, :]]
    regard = s.relations[:, lead[None, :], lead[:, None]]                        # his regard for me
    value = KAPPA * (rho * rho * hit + own) - KAPPA * 2 * hit * ally \
        - 0.004 * (1.0 - rho) - 0.01 * np.maximum(regard, 0.0) * (rho < 0.5) \
        + 0.004 * t.ch.principle[None, :, None] * closer * mine[..., None] / 3.0
    # a quarrel already at its worst gains little from one more pamphlet
    feud = 0.4 + 0.3 * (1.0 + s.relations[:, lead[:, None], lead[None, :]])
    # ...and a quarrel in print waits for his patience, as the Testament does (without it every
    # leader attacked Trotsky in print from April 1922, and his standing halved in the year
    # the triumvirs formed their bloc against him)
    value = value * np.minimum(feud, 1.0) * t.weight("polemic") * open_quarrel(t, lead)[None]
    t.board.put("polemic", value, legal, keep=(value > 0) & (rho > 0.05), target=tg)


def open_quarrel(t: "Turn", target=None) -> np.ndarray:
    """[N] 0..1: how far each leader's patience lets him quarrel in the open now (a polemic,
    the Testament): from half the share of the game a motion against a rival waits for. With
    ``target`` persons [T]: [N,T], sooner against the human player as his difficulty says."""
    start = 0.35 * t.ch.patience * 0.5
    if target is not None:
        start = start[:, None] * np.where(t.ctx.human[target], 1.0 - t.dif.urgency, 1.0)
    return clip((t.ctx.progress - start) / 0.1, 0.0, 1.0)


def gather(t: "Turn") -> None:
    g, s, ctx = t.g, t.s, t.ctx
    lead = ctx.lead
    tg = np.arange(g.P)[None, None, :]
    legal = ctx.power["police"][:, lead][..., None] & person_ok(t, tg)
    if not legal.any():
        return
    # a rival's secret bloc that I am not in is found out
    hidden = s.bloc & bloc_hidden(g, s)[:, :, None]                             # [B,L,P]
    expose = np.zeros((s.batch, len(lead), g.P), dtype=F)
    cols = np.flatnonzero(hidden.any(axis=(0, 1)))
    if len(cols):
        expose[:, :, cols] = _exposure(hidden[:, :, cols], s.bloc[:, :, lead], ctx.rho[:, :, cols])
    voter = (ctx.in_pb | ctx.in_cc) & ctx.act
    unknown = 1.0 - s.intel[:, lead, :]                                         # [B,N,P]
    files = voter[:, None, :] * unknown * (0.5 + ctx.rho) * t.ch.aggression[None, :, None]
    value = (0.012 * expose + 0.003 * files) * t.weight("gather_information")
    t.board.put("gather", value, legal, keep=(value > 0.0005), target=tg)


def _exposure(hid: np.ndarray, mine: np.ndarray, rho: np.ndarray) -> np.ndarray:
    """[B,N,P'] what finding out each man's secret bloc is worth to each leader: the blocs
    (``hid`` [B,L,P'] their hidden members) he is not in (``mine`` [B,L,N]), weighed by how
    much he fears their men (``rho`` [B,N,P'])."""
    x, y = rho[:, None, :, :], hid[:, :, None, :]
    if hid.size * mine.shape[2] < LARGE or not adds_in_order(x, y, 3):       # the tables
        fear = (x * y).sum(axis=3)                                             # [B,L,N]
        found = hid[:, :, None, :] & ~mine[:, :, :, None]                     # [B,L,N,P']
        return (found * fear[:, :, :, None]).sum(axis=1)
    # the same sums in the same order without the [B,L,N,P'] tables. The fear: NumPy adds
    # the men one at a time from zero (``rho``, gathered by columns, lays them out
    # outermost), as members_sum does. The blocs: fewer than eight, so NumPy adds them one
    # at a time from zero whatever the layout (its pairwise sum works in eights)
    fear = members_sum(hid, np.swapaxes(rho, 1, 2))                             # [B,L,N]
    if hid.shape[1] >= 8:
        found = hid[:, :, None, :] & ~mine[:, :, :, None]                     # [B,L,N,P']
        return (found * fear[:, :, :, None]).sum(axis=1)
    out = 0.0
    for l in range(hid.shape[1]):
        out = out + (hid[:, l, None, :] & ~mine[:, l, :, None]) * fear[:, l, :, None]
    return out


STEADY = (12.0, 12.0)     # months: a line stands a year before views alone reopen it, in full a year on


def settled(t: "Turn", q: np.ndarray) -> np.ndarray:
    """[B,M] for the levers ``q`` [M]: 0..1 how far views alone are a reason to reverse the
    option in force, by a motion or by the Comintern chairman's decree: not in the year after
    the party adopted it, in full a year later (a line from before the game counts as settled).
    The role's aims and a crisis in the villages are reasons at once.
    The texts' leadership changed each line two or three times in the decade, at its
    plenums and congresses (the NEP extended in April 1925, restricted from December; the
    extraordinary measures of January 1928 eased in July)."""
    s, g = t.s, t.g
    since = (s.turn - s.policy_turn[:, q].astype(np.int64)) * g.turn_months
    w = clip((since - STEADY[0]) / STEADY[1], 0.0, 1.0)
    return np.where(s.policy_turn[:, q] < 0, 1.0, w)


def comintern(t: "Turn") -> None:
    g, s, ctx = t.g, t.s, t.ctx
    opts = g.comintern_options()
    if not opts:
        return
    lead = ctx.lead
    q = g.qidx["comintern"]
    levels = g.policy_levels[q]
    legal = ctx.power["comintern"][:, lead][..., None] & \
        (s.policy[:, q][:, None, None] != np.arange(len(opts))) & \
        t.line_open[:, q][:, None, None]
    want = -s.ideology[:, lead, 2][..., None]                                    # [B,N,1]
    fit = 1.0 - np.abs(want - levels) / 2.0
    cur = along_last(fit, s.policy[:, q].astype(np.int64)[:, None, None])
    aims = t.wants[:, q, :len(opts)][None]
    # views alone reopen the line only once it has stood a year, as for a motion (settled);
    # without it the chairman's decree and the motions reversing it took turns, four changes
    # of the Comintern's line a game
    views = (fit - cur) * settled(t, np.array([q]))[:, :, None]                  # [B,N,O]
    value = (0.015 * t.ch.principle[None, :, None] * views + 0.04 * aims) \
        * t.weight("set_comintern")
    t.board.put("comintern", value, legal, keep=(value > 0), arg=np.arange(len(opts)),
                group=t.menu.GROUP_COMINTERN, claim=t.menu.CLAIM_LINE + q)   # the lever's claim


__all__ = ["appoint", "recruit", "speak", "polemic", "open_quarrel", "gather", "comintern",
           "settled", "KAPPA", "KIND"]
