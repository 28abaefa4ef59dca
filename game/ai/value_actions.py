"""What the immediate actions are worth: the apparatus (appointments, recruitment, the police
files), the word (speeches, polemics) and the Comintern line.

Values are in points of *standing* (the engine's measure of who leads the party, about 0.2 to
0.5 for a leader): a gain to oneself counts in full, a loss to a rival by how much one fears
him (``rho``: 1 for the greatest threat). Legality mirrors the engine's checks
(game/engine/legality.py) so that the rivals only ever choose legal actions.

The apparatus and the word are valued by loops over game, leader and candidate compiled by
numba (engine.jit): a thin wrapper reads the turn's arrays, its kernel fills the [B,N,C]
values (worked out in 64-bit floats and stored as the board stores them, in float32),
legality and what is worth considering, and the wrapper puts them on the board. A value is
worked out only where the action is legal: the board keeps none elsewhere.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..engine.actions import KIND
from ..engine.arith import clip
from ..engine.jit import F, kernel
from ..engine.legality import appointment_stands, bloc_hidden
from ..engine.resolve import polemic_author_gain, polemic_fatigue
from ..engine.state import BODY

if TYPE_CHECKING:
    from .rivals import Turn

KAPPA = F(0.004)          # one point of prestige, in standing (its share plus its pull in votes)
ACT_MIN = 0.006           # an action worth less than this (in standing) is not worth the bother


def machine_terms(t: "Turn") -> tuple:
    """(base, per_recruit, scale) float32: power.machine_share's terms, for ``_machine``."""
    p = t.g.params
    return F(p["machine_base"]), F(p["machine_recruits"]), F(0.5 + t.g.structural)


@kernel
def _machine(loyalty, recruits, terms):
    """power.machine_share for a hypothetical loyalty and share of recruits (float32)."""
    base, per_recruit, scale = terms
    m = loyalty * (base + per_recruit * recruits) * scale
    return min(max(m, F(0.0)), F(0.95))


def delegate_weight(t: "Turn") -> np.ndarray:
    """[B] what a point of delegate share is worth: its own weight in standing, the Central
    Committee seats it brings at the next Congress (if foreseen), the sittings' votes."""
    ctx = t.ctx
    w = np.full(t.s.batch, 0.25)
    if ctx.to_congress is not None:
        w = w + 0.30 * ctx.free_frac * np.exp(-ctx.to_congress / t.dif.horizon)
    return np.ascontiguousarray(w, dtype=np.float64)


def weights(t: "Turn", kind: str) -> np.ndarray:
    """[N] each leader's weight on an action kind (Turn.weight), for a kernel."""
    return np.ascontiguousarray(t.weight(kind).ravel(), dtype=np.float64)


_c = np.ascontiguousarray     # a kernel's arrays in one layout, so that it compiles once


def appoint(t: "Turn") -> None:
    """Placing one's own man as a region's secretary: the delegates his machine brings."""
    g, s, ctx = t.g, t.s, t.ctx
    lead = ctx.lead
    can = (ctx.power["appoint"] | s.member[:, :, BODY["orgburo"]])[:, lead]      # [B,N]
    stands = appointment_stands(g, s, lead[None, :, None], s.sec_patron[:, None, :].astype(
        np.int64), s.sec_turn[:, None, :], s.sec_orgburo[:, None, :])             # [B,N,R]
    loy = _c(g.params["appoint_loyalty"] + g.mod["appoint_loyalty"][lead], dtype=F)  # [N]
    gs = ctx.power["appoint"][:, lead]                                           # [B,N]
    value, legal, keep = _appoint(can, _c(t.region_held()), _c(stands), _c(s.sec_patron),
                            _c(s.sec_loyalty), _c(ctx.delegates), _c(ctx.machine),
                            _c(s.cohorts), loy, machine_terms(t), _c(ctx.rho), _c(ctx.allied),
                            lead, gs, _c(ctx.gensec, dtype=np.int64), delegate_weight(t),
                            weights(t, "appoint_secretary"))
    cost = np.where(gs, 1.0, 2.0)[..., None]
    t.board.put("appoint", value, legal, keep=keep, target=np.arange(g.R), cost=cost,
                claim=t.menu.CLAIM_REGION + np.arange(g.R))


@kernel
def _appoint(can, held, stands, patron, loyalty, delegates, cur, cohorts, loy, terms, rho,
             allied, lead, gs, gensec, dw, weight):
    """[B,N,R] what placing his man in each region is worth to each leader, whether he may
    (can: the powers to appoint; held: the region led by another's party post; stands:
    legality.appointment_stands) and whether it is worth considering (a gain)."""
    B, N, R = held.shape
    value = np.zeros((B, N, R), dtype=F)
    legal = np.zeros((B, N, R), dtype=np.bool_)
    keep = np.zeros((B, N, R), dtype=np.bool_)
    for b in range(B):
        total = F(0.0)
        for r in range(R):
            total += delegates[b, r]
        for n in range(N):
            me = lead[n]
            if not can[b, n]:
                continue                       # nothing legal, so nothing valued
            # a man placed without the General Secretary's powers lasts only until he moves him
            if gs[b, n]:
                lasting = 1.0
            elif gensec[b] >= 0 and allied[b, gensec[b], me]:
                lasting = 0.5
            else:
                lasting = 0.15
            for r in range(R):
                owner = patron[b, r]
                mine = owner == me
                legal[b, n, r] = not held[b, n, r] and not stands[b, n, r] \
                    and not (mine and loyalty[b, r] >= F(0.8))
                share = delegates[b, r] / total
                m_new = _machine(loy[n], cohorts[b, r, 2], terms)
                # my man's delegates gained; a rival's man's lost to him, as I fear him
                if mine:
                    delta = share * (m_new - cur[b, r])
                elif owner < 0:
                    delta = share * m_new
                elif allied[b, me, owner]:
                    delta = F(0.0)                              # never poach an ally's man
                else:
                    delta = share * m_new + rho[b, n, owner] * (share * cur[b, r])
                v = delta * dw[b] * lasting * weight[n]
                value[b, n, r] = v
                keep[b, n, r] = v > 0
    return value, legal, keep


def recruit(t: "Turn") -> None:
    """A recruitment drive, in every region or aimed at one: the delegates it brings to the
    machines of my men, less those it brings to my rivals'."""
    g, s, ctx = t.g, t.s, t.ctx
    lead = ctx.lead
    can = ctx.power["recruit"][:, lead]                                           # [B,N]
    a = g.params["recruit_size"]
    # candidate 0: every region; candidate 1+r: region r alone (twice the intake there)
    value, keep = _recruit(can, _c(s.sec_patron), _c(s.sec_loyalty), _c(ctx.delegates, dtype=F),
                     _c(ctx.machine), _c(s.cohorts), F(a), F(2 * a), machine_terms(t),
                     _c(ctx.rho), lead, delegate_weight(t), weights(t, "recruit"))
    t.board.put("recruit", value, can[..., None], keep=keep,
                target=np.arange(-1, g.R), cost=2.0)


@kernel
def _recruit(can, patron, loyalty, delegates, cur, cohorts, grow_all, grow_one, terms, rho,
             lead, dw, weight):
    """[B,N,1+R] what each recruitment drive is worth to each leader who may order one
    (``can``; 0 for the others), and whether it is worth considering (a gain): candidate 0
    in every region (``grow_all`` of the party there), candidate 1+r in region r alone
    (``grow_one`` there)."""
    B, N = can.shape
    R = patron.shape[1]
    C = R + 1
    value = np.zeros((B, N, C), dtype=F)
    keep = np.zeros((B, N, C), dtype=np.bool_)
    share = np.empty(R, dtype=F)
    grown = np.empty(R, dtype=F)
    gain = np.empty((C, R), dtype=F)      # each region's delegates delivered, after less before
    w = np.empty(R, dtype=F)
    for b in range(B):
        if not can[b].any():
            continue
        total = F(0.0)
        for r in range(R):
            total += delegates[b, r]
        swollen = F(0.0)
        for r in range(R):
            share[r] = delegates[b, r] / total
            swollen += cohorts[b, r, 2] * share[r]
        # a party already swollen with recruits gains little from another drive
        fresh = (F(1.0) - swollen) * (F(1.0) - swollen)
        for c in range(C):
            total_new = F(0.0)
            for r in range(R):
                grown[r] = delegates[b, r] * (F(1.0) + _grow(c, r, grow_all, grow_one))
                total_new += grown[r]
            for r in range(R):
                m_new = F(0.0)
                if patron[b, r] >= 0:
                    grow = _grow(c, r, grow_all, grow_one)
                    m_new = _machine(loyalty[b, r], (cohorts[b, r, 2] + grow) / (F(1.0) + grow),
                                     terms)
                gain[c, r] = grown[r] / total_new * m_new - share[r] * cur[b, r]
        for n in range(N):
            # valued only where he may recruit (the board keeps no value where it is not legal)
            if not can[b, n]:
                continue
            # what a point of delegates in each region is to me: mine (+1), a feared rival's
            # (-rho), a local man's nothing
            for r in range(R):
                owner = patron[b, r]
                w[r] = F(1.0) if owner == lead[n] else (-rho[b, n, owner] if owner >= 0
                                                         else F(0.0))
            for c in range(C):
                delta = F(0.0)
                for r in range(R):
                    delta += w[r] * gain[c, r]
                v = delta * fresh * dw[b] * weight[n]
                value[b, n, c] = v
                keep[b, n, c] = v > 0
    return value, keep


@kernel
def _grow(c, r, grow_all, grow_one):
    """The intake of candidate ``c`` in region ``r`` (a share of its party)."""
    if c == 0:
        return grow_all
    return grow_one if r == c - 1 else F(0.0)


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
    """A polemic in the press against each other leader: the harm to a rival, as I fear him,
    and to my own standing, against the quarrel it opens."""
    g, s, ctx = t.g, t.s, t.ctx
    lead = ctx.lead
    force = _c(g.params["polemic_prestige"] * g.mod["polemic"][lead], dtype=F)      # [N]
    # the engine's rules for the author: a share of the harm when the party reads the polemic
    # as its own line, a fixed loss when not; the force lost against a man attacked lately
    credit = float(polemic_author_gain(g, 1.0, True))
    blame = float(polemic_author_gain(g, 0.0, False))
    fatigue = _c(polemic_fatigue(g, s, slice(None), lead), dtype=F)               # [B,T]
    value, legal, keep = _polemic(
        lead, _c(s.alive), _c(s.expelled), _c(ctx.power["press"]), force,
        float(g.params["polemic_from_below"]), _c(s.ideology), _c(ctx.lean), _c(ctx.rho),
        _c(ctx.danger), _c(s.prestige), fatigue, _c(ctx.standing), credit, blame,
        _c(ctx.allied), _c(s.relations), _c(t.ch.principle, dtype=np.float64),
        weights(t, "polemic"), _c(open_quarrel(t, lead), dtype=np.float64))
    t.board.put("polemic", value, legal, keep=keep, target=lead[None, None, :])


@kernel
def _polemic(lead, alive, expelled, press, force, from_below, ideology, lean, rho, danger,
             prestige, fatigue, standing, credit, blame, allied, relations, principle, weight,
             quarrel):
    """[B,N,T] tables of the leaders among themselves (row n: leader n; column: the target):
    a polemic's value, its legality (the target alive, in the party, not himself) and whether
    it is worth considering."""
    B = rho.shape[0]
    N = lead.shape[0]
    value = np.zeros((B, N, N), dtype=F)
    legal = np.zeros((B, N, N), dtype=np.bool_)
    keep = np.zeros((B, N, N), dtype=np.bool_)
    mine = np.empty(N, dtype=F)                 # each leader's distance from the party's lean
    stake = np.empty(N, dtype=F)                # ...and the standing he has to lose
    for b in range(B):
        for n in range(N):
            me = lead[n]
            mine[n] = (abs(ideology[b, me, 0] - lean[b, 0])
                       + abs(ideology[b, me, 1] - lean[b, 1])
                       + abs(ideology[b, me, 2] - lean[b, 2]))
            stake[n] = min(max(prestige[b, me] / F(40.0), F(0.25)), F(1.5))
        for n in range(N):
            me = lead[n]
            hit0 = force[n] * (1.5 if press[b, me] else 1.0)
            for j in range(N):
                him = lead[j]
                legal[b, n, j] = alive[b, him] and not expelled[b, him] and him != me
                if not legal[b, n, j]:
                    continue                   # not legal, so not valued
                r = rho[b, n, him] * min(danger[b, n, him], F(1.0))
                # a polemic tells against a man in proportion to the standing he has to lose
                hit = hit0 * stake[j]
                # ...and less against a man the press has been hammering lately (the engine's
                # fatigue)
                hit = hit * fatigue[b, j]
                # ...and less from the weaker side, whose pamphlets cost their author (the
                # engine's rule)
                weaker = standing[b, me] < standing[b, him]
                if weaker:
                    hit = hit * from_below
                closer = mine[n] < mine[j]
                own = credit * hit if closer and not weaker else blame
                ally = 1.0 if allied[b, me, him] else 0.0
                regard = relations[b, him, me]                          # his regard for me
                v = KAPPA * (r * r * hit + own) - KAPPA * 2 * hit * ally \
                    - F(0.004) * (F(1.0) - r) \
                    - F(0.01) * max(regard, F(0.0)) * (F(1.0) if r < F(0.5) else F(0.0))
                if closer:
                    v = v + 0.004 * principle[n] * mine[n] / 3.0
                # a quarrel already at its worst gains little from one more pamphlet
                feud = F(0.4) + F(0.3) * (F(1.0) + relations[b, me, him])
                # ...and a quarrel in print waits for his patience, as the Testament does
                # (without it every leader attacked Trotsky in print from April 1922, and his
                # standing halved in the year the triumvirs formed their bloc against him)
                v = v * min(feud, F(1.0)) * weight[n] * quarrel[n, j]
                value[b, n, j] = v
                keep[b, n, j] = v > 0 and r > F(0.05)
    return value, legal, keep


def open_quarrel(t: "Turn", target=None) -> np.ndarray:
    """[N] 0..1: how far each leader's patience lets him quarrel in the open now (a polemic,
    the Testament): from half the share of the game a motion against a rival waits for. With
    ``target`` persons [T]: [N,T], sooner against the human player as his difficulty says."""
    start = 0.35 * t.ch.patience * 0.5
    if target is not None:
        start = start[:, None] * np.where(t.ctx.human[target], 1.0 - t.dif.urgency, 1.0)
    return clip((t.ctx.progress - start) / 0.1, 0.0, 1.0)


def gather(t: "Turn") -> None:
    """The police's files on each person: a rival's secret bloc found out, and what is not
    yet known of the men who vote."""
    g, s, ctx = t.g, t.s, t.ctx
    lead = ctx.lead
    police = ctx.power["police"]
    if not police[:, lead].any():
        return
    voter = (ctx.in_pb | ctx.in_cc) & ctx.act
    value, legal, keep = _gather(_c(police), lead, _c(s.alive), _c(s.expelled), _c(s.bloc),
                           _c(bloc_hidden(g, s)), _c(ctx.rho), voter, _c(s.intel),
                           _c(t.ch.aggression, dtype=np.float64),
                           weights(t, "gather_information"))
    if not legal.any():
        return
    t.board.put("gather", value, legal, keep=keep,
                target=np.arange(g.P)[None, None, :])


@kernel
def _gather(police, lead, alive, expelled, bloc, hidden, rho, voter, intel, aggression,
            weight):
    """[B,N,P] what gathering the files on each person is worth to each leader, whether he
    may (the police's powers; the man alive, in the party, not himself) and whether it is
    worth considering."""
    B, L, P = bloc.shape
    N = lead.shape[0]
    value = np.zeros((B, N, P), dtype=F)
    legal = np.zeros((B, N, P), dtype=np.bool_)
    keep = np.zeros((B, N, P), dtype=np.bool_)
    fear = np.zeros((L, N), dtype=F)
    for b in range(B):
        secret = False                         # some bloc of this game the police may find out
        for l in range(L):
            secret |= hidden[b, l]
        # a rival's secret bloc that I am not in is found out, worth as much as I fear its
        # hidden men (``hidden``: legality.bloc_hidden)
        for l in range(L):
            for n in range(N):
                f = F(0.0)
                if hidden[b, l] and police[b, lead[n]]:
                    for p in range(P):
                        if bloc[b, l, p]:
                            f += rho[b, n, p]
                fear[l, n] = f
        for n in range(N):
            me = lead[n]
            if not police[b, me]:
                continue                       # nothing legal, so nothing valued
            for p in range(P):
                legal[b, n, p] = alive[b, p] and not expelled[b, p] and p != me
                expose = F(0.0)
                if secret:
                    for l in range(L):
                        if hidden[b, l] and bloc[b, l, p] and not bloc[b, l, me]:
                            expose += fear[l, n]
                files = F(0.0)
                if voter[b, p]:
                    files = (F(1.0) - intel[b, me, p]) * (F(0.5) + rho[b, n, p])
                v = (F(0.012) * expose + 0.003 * (files * aggression[n])) * weight[n]
                value[b, n, p] = v
                keep[b, n, p] = v > 0.0005
    return value, legal, keep


STEADY = (12.0, 12.0)     # months: a line stands a year before views alone reopen it, in full a year on


def settled(t: "Turn", q: np.ndarray) -> np.ndarray:
    """[B,M] for the levers ``q`` [M]: 0..1 how far views alone are a reason to reverse the
    option in force, by a motion or by the Comintern chairman's decree: not in the year after
    the party adopted it, in full a year later (a line from before the game counts as settled).
    The role's aims and a crisis in the villages are reasons at once.
    The texts' leadership changed each line two or three times in the decade, at its
    plenums and congresses (the NEP extended in April 1925, restricted from December; the
    extraordinary measures of January 1928 eased in July)."""
    return _settled(t.s.policy_turn, _c(q, dtype=np.int64), t.s.turn, t.g.turn_months)


@kernel
def _settled(policy_turn, q, turn, months):
    """[B,M] ``settled_at`` of the levers ``q`` [M] in each game."""
    B, M = policy_turn.shape[0], q.shape[0]
    out = np.empty((B, M))
    for b in range(B):
        for m in range(M):
            out[b, m] = settled_at(policy_turn[b, q[m]], turn, months)
    return out


@kernel
def settled_at(since, turn, months):
    """``settled`` of an option put in force at the turn ``since`` (-1: before the game), now
    at ``turn`` (``months`` a turn)."""
    if since < 0:
        return 1.0
    return min(max(((turn - np.int64(since)) * months - STEADY[0]) / STEADY[1], 0.0), 1.0)


def comintern(t: "Turn") -> None:
    """The Comintern chairman's decree of its line: each option as his views and his role's
    aims favour it over the line in force."""
    g, s, ctx = t.g, t.s, t.ctx
    opts = g.comintern_options()
    if not opts:
        return
    lead = ctx.lead
    q = g.qidx["comintern"]
    levels = _c(g.policy_levels[q], dtype=F)
    # views alone reopen the line only once it has stood a year, as for a motion (settled);
    # without it the chairman's decree and the motions reversing it took turns, four changes
    # of the Comintern's line a game
    steady = _c(settled(t, np.array([q]))[:, 0], dtype=np.float64)                  # [B]
    value, legal, keep = _comintern(_c(ctx.power["comintern"]), lead, _c(s.policy[:, q]),
                              _c(t.line_open[:, q]), _c(s.ideology), levels,
                              _c(t.wants[:, q, :len(opts)]), steady,
                              _c(t.ch.principle, dtype=np.float64),
                              weights(t, "set_comintern"))
    t.board.put("comintern", value, legal, keep=keep, arg=np.arange(len(opts)),
                group=t.menu.GROUP_COMINTERN, claim=t.menu.CLAIM_LINE + q)   # the lever's claim


@kernel
def _comintern(power, lead, policy, line_open, ideology, levels, aims, steady, principle,
               weight):
    """[B,N,O] what decreeing each line is worth to each leader, whether he may (the
    chairman's powers; another line than the one in force; the lever open) and whether it
    is worth considering (a gain)."""
    B = policy.shape[0]
    N = lead.shape[0]
    O = levels.shape[0]
    value = np.zeros((B, N, O), dtype=F)
    legal = np.zeros((B, N, O), dtype=np.bool_)
    keep = np.zeros((B, N, O), dtype=np.bool_)
    for b in range(B):
        now = policy[b]
        for n in range(N):
            me = lead[n]
            # how well each line fits his views on world revolution
            want = -ideology[b, me, 2]
            cur = F(1.0) - abs(want - levels[now]) / F(2.0)
            for o in range(O):
                legal[b, n, o] = power[b, me] and now != o and line_open[b]
                fit = F(1.0) - abs(want - levels[o]) / F(2.0)
                views = (fit - cur) * steady[b]
                v = (0.015 * principle[n] * views + F(0.04) * aims[n, o]) * weight[n]
                value[b, n, o] = v
                keep[b, n, o] = v > 0
    return value, legal, keep


__all__ = ["appoint", "recruit", "speak", "polemic", "open_quarrel", "gather", "comintern",
           "settled", "settled_at", "KAPPA", "KIND"]
