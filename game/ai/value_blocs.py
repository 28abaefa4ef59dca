"""Alliances of convenience: join those who fear the same man, leave when an ally becomes the
greatest threat. A bloc is the coalition of the men it is open to: it is never formed or
joined against one of them.

Each leader weighs forming, joining or leaving each bloc the scenario defines. An alliance is
worth the votes it brings (the partners' own Politburo and Central Committee followings) and
the common front against his greatest threat, less the cost of an open faction under the ban
and of sitting with men whose views he does not share. He keeps to one bloc at a time.

A bloc open to one leader alone (the Left Opposition) is a faction round one man: its partners
are his following, who rally to it through the scenario's events, not leaders. He founds it
with no partner to wait for, once his enemy leads a coalition against him, and it is worth as
much as the party's cells will hear it (``hearing``), less the faction's cost under the ban.

Bloc actions interact (Kamenev cannot join a bloc Zinoviev has not yet formed), so after each
leader has chosen his best bloc action they are checked in the order the engine will resolve
them, against the blocs as the earlier ones leave them: a second founder becomes a joiner, an
unwelcome joiner is dropped. The engine therefore never refuses a computer's bloc action.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..engine import defiance
from ..engine.actions import KIND
from ..engine.power import patron_sum
from ..engine.state import IND
from ..engine.arith import clip
from ..engine.jit import kernel, row_sum
from .value_actions import KAPPA

if TYPE_CHECKING:
    from .rivals import Turn

F = np.float32
# strikes (the indicator) at which the cells begin to hear a one-man faction, and the rise
# above it at which they hear it fully: about 30 in 1922, 46 by August 1923
QUIET, RESTLESS = 30.0, 25.0
FORM, JOIN, LEAVE = KIND["form_bloc"], KIND["join_bloc"], KIND["leave_bloc"]


def own_weight(t: "Turn") -> np.ndarray:
    """[B,P] the standing a leader gains by commanding each person's own following."""
    s, ctx = t.s, t.ctx
    pbv = ctx.in_pb & ctx.act
    ccv = ctx.in_cc & ctx.act
    own_pb = (pbv + patron_sum(s.patron, pbv)) / np.maximum(pbv.sum(axis=1, keepdims=True), 1)
    total = ccv.sum(axis=1, keepdims=True) + s.cc_seats.sum(axis=1, keepdims=True)
    own_cc = (ccv + patron_sum(s.patron, ccv) + s.cc_seats[:, :-1]) / np.maximum(total, 1)
    return (0.25 * own_pb + 0.30 * own_cc).astype(F), own_pb.astype(F), own_cc.astype(F)


def values(t: "Turn"):
    """Best bloc action per game and leader: (kind, bloc, value) arrays [B,N]."""
    g, s, ctx, ch = t.g, t.s, t.ctx, t.ch
    B, N, L = s.batch, ctx.N, g.L
    lead = ctx.lead
    if L == 0:
        return np.full((B, N), -1), np.full((B, N), -1), np.full((B, N), -1.0, dtype=F)
    own, own_pb, own_cc = own_weight(t)
    weights = np.stack([ch.weight[:, FORM], ch.weight[:, JOIN], ch.weight[:, LEAVE]])
    fcost = float(g.params["faction_cost"]) * 12.0 * KAPPA
    # a man who has recanted keeps his word (defiance.submitted, read in the loop)
    free = ~defiance.submitted(s)[:, lead]
    condemned = s.condemned_turn[:, lead] >= 0
    return _values(s.bloc, s.exposed, lead, g.bloc_open_to, g.bloc_secret, ctx.act, ctx.bits,
                   ctx.standing, ctx.top, ctx.top_val, ctx.rho, s.relations,
                   g.mod["alliance"], s.ideology, np.ascontiguousarray(ch.ally, dtype=np.float64),
                   ch.alliance.astype(np.float64), ch.principle.astype(np.float64), fcost,
                   np.ascontiguousarray(ctx.ban), hearing(s), t.bloc_formable,
                   np.ascontiguousarray(condemned), np.ascontiguousarray(free),
                   weights.astype(np.float64), own, own_pb, own_cc, g.leaders)


@kernel
def _values(bloc, exposed, lead, open_to, secret, act, bits, standing, top, top_val, rho,
            relations, mod_alliance, ideology, ally, alliance, principle, fcost_unit, ban,
            heard, formable, condemned, free, weights, own, own_pb, own_cc, leaders):
    B, L, P = bloc.shape
    N = lead.shape[0]
    kind = np.full((B, N), -1, dtype=np.int64)
    best_l = np.zeros((B, N), dtype=np.int64)
    best_v = np.zeros((B, N), dtype=np.float32)
    # sets of leaders as the bits of one integer: cheap intersections and counts
    open_bits = np.zeros(L, dtype=np.int64)          # the leaders each bloc is open to
    n_open = np.zeros(L, dtype=np.int64)
    for l in range(L):
        for k in range(N):
            if open_to[l, lead[k]]:
                open_bits[l] |= np.int64(1) << k
                n_open[l] += 1
    level = np.zeros(N)
    x_in = np.zeros(L, dtype=np.bool_)
    fear_x = np.zeros(L)
    home = np.zeros(L, dtype=np.bool_)
    kin_in = np.zeros(L, dtype=np.int64)
    foes_in = np.zeros(L, dtype=np.int64)
    vals = np.zeros(3 * L)
    # each game's blocs (_bloc_sums)
    cnt, n_lead = np.zeros(L, dtype=np.int64), np.zeros(L, dtype=np.int64)
    lead_bits, able = np.zeros(L, dtype=np.int64), np.zeros(L, dtype=np.int64)
    mem = np.empty((L, P), dtype=np.int64)
    gain, pb_bloc = np.zeros(L, dtype=np.float32), np.zeros(L, dtype=np.float32)
    cc_bloc = np.zeros(L, dtype=np.float32)
    lonely = np.zeros(L, dtype=np.bool_)
    for b in range(B):
        _bloc_sums(bloc[b], lead, act[b], leaders, own[b], own_pb[b], own_cc[b], cnt, mem,
                   n_lead, lead_bits, gain, pb_bloc, cc_bloc, able, lonely)
        in_bloc = np.int64(0)                  # the leaders in some bloc
        for k in range(N):
            for l in range(L):
                if bloc[b, l, lead[k]]:
                    in_bloc |= np.int64(1) << k
        for n in range(N):
            level[n] = _enemy_level(b, n, lead, top, top_val, standing, bits, ideology)
        for n in range(N):
            me_p, X = lead[n], top[b, n]
            in_any = (in_bloc >> n) & 1 == 1
            threatened = level[n] >= 0.8
            if not in_any and not (threatened and free[b, n]):
                best_l[b, n], best_v[b, n] = 0, -1.0      # nothing to leave, form or join
                continue
            kin_bits, pos_bits, foe_bits = _partners(b, n, lead, top, rho, level, act,
                                                     relations, mod_alliance, alliance,
                                                     in_bloc)
            # my enemy has another leader, able to act, as his ally
            ganged = False
            for l in range(L):
                x_in[l] = bloc[b, l, X]
                ganged |= x_in[l] and able[l] >= 2
            lv = min(level[n], 2.0)
            # how much each bloc's leaders (other than me) fear my enemy, and whether it
            # would take me in now: free to form, or held by men who fear my enemy
            for l in range(L):
                me = bloc[b, l, me_p]
                fear = F(0.0)
                for k in range(N):
                    if (lead_bits[l] >> k) & 1 == 1:
                        fear += rho[b, k, X]
                fear_x[l] = (fear - me) / max(n_lead[l] - me, 1)
                home[l] = open_to[l, me_p] and not open_to[l, X] and not x_in[l] and \
                    ((cnt[l] == 0 and formable[b, l]) or fear_x[l] >= 0.5)
                kin_in[l] = _popcount(kin_bits & open_bits[l])
                foes_in[l] = _popcount(foe_bits & open_bits[l])
            roomiest = 0                         # the most of my kind a home takes in
            best_foes = 0                        # the most of those who fear my enemy
            for l in range(L):
                if home[l]:
                    roomiest = max(roomiest, kin_in[l])
                    if kin_in[l] > 0:
                        best_foes = max(best_foes, foes_in[l])
            for l in range(L):
                me = bloc[b, l, me_p]
                closed = not open_to[l, X]
                hidden = secret[l] and not exposed[b, l]
                public = not secret[l] or exposed[b, l]
                c = max(cnt[l], 1)
                regard = F(0.0)
                ideo = F(0.0)
                want = 0.0
                # the members' regard, views and worth to me count only for joining (a man
                # in a bloc joins no other; a bloc with no members is formed, not joined)
                for i in range(cnt[l] if not in_any and not me else 0):
                    p = mem[l, i]
                    regard += relations[b, p, me_p]
                    ideo += (abs(ideology[b, p, 0] - ideology[b, me_p, 0])
                             + abs(ideology[b, p, 1] - ideology[b, me_p, 1])
                             + abs(ideology[b, p, 2] - ideology[b, me_p, 2])) / F(3.0)
                    want += ally[n, p]
                welcome = regard / c + mod_alliance[me_p] >= -0.3 + 1e-3
                ideo_m = ideo / c
                pb_after = pb_bloc[l] + own_pb[b, me_p]
                # an open bloc is a faction under the ban unless it commands the Politburo
                # or the Committee once he is in it (power.majority_blocs)
                minority = pb_after <= 0.5 and cc_bloc[l] + own_cc[b, me_p] <= 0.5
                fcost = fcost_unit if public and ban[b] and minority else 0.0
                join = alliance[n] * fear_x[l] * (0.5 * gain[l] + 0.04 * lv + 0.02 * want
                                                  + 0.01) - 0.03 * principle[n] * ideo_m - fcost
                # a bloc is a coalition of the men it is open to, against a man outside it:
                # none is formed or joined against one of its own (in the texts each bloc
                # stood against a man outside it; without it Bukharin, Rykov and Tomsky,
                # fearing Stalin most, made the Stalin-Bukharin majority their bloc against
                # him from 1925)
                join_ok = open_to[l, me_p] and closed and cnt[l] > 0 and not me and \
                    not in_any and welcome and not x_in[l] and threatened and fear_x[l] >= 0.5
                # forming: the leaders who fear my enemy, are free and would be welcome
                n_pot = _popcount(pos_bits & open_bits[l])
                # enough partners to carry the Politburo, no more (a larger coalition
                # shares the spoils)
                reach = own_pb[b, me_p]
                for k in range(N):
                    if (pos_bits >> k) & 1 == 1 and (open_bits[l] >> k) & 1 == 1:
                        reach += own_pb[b, lead[k]]
                enough = min(reach, 0.6) - own_pb[b, me_p]
                # a bloc made for these partners (its open_to) suits better than one open
                # to anyone
                fit = (1.0 + n_pot) / max(n_open[l], 1)
                # a faction round one man (the Left Opposition, open to Trotsky alone): its
                # partners are his following, not leaders, so he founds it with no leader to
                # wait for - but only once his enemy leads a coalition against him (the
                # triumvirate), not against a man alone
                one_man = n_open[l] == 1
                solo = one_man and ganged
                form = alliance[n] * (0.25 * enough + 0.04 * lv + 0.02 * (want > 0) + 0.05
                                      + 0.06 * fit + 0.005 * hidden) \
                    * (heard[b] if one_man else 1.0) - fcost
                form_ok = open_to[l, me_p] and closed and cnt[l] == 0 and not in_any and \
                    threatened and (n_pot > 0 or solo) and formable[b, l]
                # no bloc that shuts out our own kind while another such would take in more
                # of them (the triumvirate leaves out Rykov and Bukharin, who feared Trotsky
                # too; no bloc open to them all can be formed in 1922)
                roomier = kin_in[l] < roomiest
                form_ok = form_ok and not (roomier and reach <= 0.5)
                # leaving: an ally has become my greatest threat, the others no longer fear
                # my enemy, or a faction of one only bleeds
                danger = x_in[l] and level[n] >= 0.6
                idle = fear_x[l] < 0.25 and n_lead[l] - me > 0   # his following fears no one
                # a dead end: the bloc carries neither body, those who fear my enemy cannot
                # join it, and another bloc could take us all in
                weak = cc_bloc[l] <= 0.5 and pb_after <= 0.5
                shut = (kin_bits & ~open_bits[l] & ~lead_bits[l]) != 0
                # a better home takes in more of the leaders who fear my enemy than this
                # bloc, if this is a home at all (before, any other home would do: Zinoviev
                # and Kamenev left the United Opposition for their Leningrad bloc and that
                # for the United one, month after month)
                elsewhere = best_foes > (foes_in[l] if home[l] else 0)
                dead_end = weak and shut and elsewhere
                dead = me and dead_end
                rest = gain[l] - own[b, me_p]
                # alone among those who can still act (Trotsky in Lenin's bloc after Lenin
                # fell silent): partners may still come, so he waits for them; a bloc of one
                # that no partner may still join is no alliance: left, even in secret, so
                # that he is free to join another (before, a secret bloc of one cost nothing
                # and Stalin stayed alone in the broken triumvirate in half the games, shut
                # out of every other bloc)
                deserted = lonely[l] and not n_pot > 0
                # a man whose views the party has condemned gives the majority its cause for
                # his seat if he goes on leading an open faction under the ban
                # (defiance.breached): he lets it lapse, and founds or joins no open faction
                # again - the Opposition of 1923 fell silent after the Thirteenth
                # Conference, Trotsky gave up the War Commissariat without a fight in January
                # 1925, and the Leningrad leaders took their following into the clandestine
                # United Opposition in 1926 (002: "from this point forward, they had to work
                # in secret"). A secret bloc found out is another matter: its men had chosen
                # their fight. Before, the computer Trotsky kept the Left Opposition open
                # through 1924 from the 1924 start point, and lost his Politburo seat by
                # September in four games in ten (history: October 1926)
                lapse = condemned[b, n] and not secret[l] and ban[b] and minority
                leave = 0.06 * danger + 0.02 * idle + 0.04 * dead + 0.01 * deserted \
                    + 0.06 * lapse + (fcost if deserted or idle else 0.0)
                if not (danger or idle or dead):
                    leave -= 0.3 * alliance[n] * rest
                # do not join or found what one would leave at once; a man who has recanted
                # keeps his word: he forms and joins no bloc again (Zinoviev and Kamenev
                # after December 1927, the Right after November 1929;
                # game.engine.defiance) - before, the computer Right re-formed its bloc the
                # month after its recantation
                ok = free[b, n] and not dead_end and not lapse
                vals[l] = form * weights[0, n] if form_ok and ok else -1.0
                vals[L + l] = join * weights[1, n] if join_ok and ok else -1.0
                vals[2 * L + l] = leave * weights[2, n] if me else -1.0
            best = np.argmax(vals)
            best_l[b, n] = best % L
            best_v[b, n] = F(vals[best])
            if vals[best] > 0:
                kind[b, n] = (FORM, JOIN, LEAVE)[best // L]
    return kind, best_l, best_v


@kernel
def _bloc_sums(bloc, lead, act, leaders, own, own_pb, own_cc, cnt, mem, n_lead, lead_bits,
               gain, pb_bloc, cc_bloc, able, lonely):
    """One game's blocs, into the [L] arrays given: members (count, and who, in
    ``mem[l, :cnt[l]]``), leaders among them (count and bits), the standing they bring (all,
    Politburo, Committee), members able to act (leaders), and whether a single member can
    still act."""
    L, P = bloc.shape
    N = lead.shape[0]
    for l in range(L):
        cnt[l] = n_lead[l] = lead_bits[l] = able[l] = 0
        gain[l] = pb_bloc[l] = cc_bloc[l] = 0
        acting = 0
        for p in range(P):
            if bloc[l, p]:
                mem[l, cnt[l]] = p
                cnt[l] += 1
                gain[l] += own[p]
                pb_bloc[l] += own_pb[p]
                cc_bloc[l] += own_cc[p]
                if act[p]:
                    acting += 1
                    if leaders[p]:
                        able[l] += 1
        for k in range(N):
            if bloc[l, lead[k]]:
                n_lead[l] += 1
                lead_bits[l] |= np.int64(1) << k
        lonely[l] = acting == 1


@kernel
def _enemy_level(b, n, lead, top, top_val, standing, bits, ideology):
    """How dangerous leader ``n``'s greatest threat is: his camp's standing - his own and his
    allies' that are not mine - against mine, more so the further apart our views.
    Zinoviev and Kamenev were a danger to Stalin together, at the 14th Congress, not one by
    one (001: "Stalin then turned on Zinoviev and Kamenev, supported by Bukharin and the
    Right"); read man by man, Stalin, with two or three times anyone's standing, was never
    threatened once Trotsky had fallen, sought no allies, and sat in the Stalin-Bukharin
    majority in one game in ten."""
    if not top_val[b, n] > 0:
        return 0.0
    X, me = top[b, n], lead[n]
    P = standing.shape[1]
    camp = standing[b, X]
    if bits[b, X] == 0:                  # in no bloc: no allies
        P = 0
    for p in range(P):
        # allied with him (sharing a bloc), not with me, and not the man himself
        if p != X and bits[b, X] & bits[b, p] != 0 and not (p == me or bits[b, me] & bits[b, p] != 0):
            camp += standing[b, p]
    dist = (abs(ideology[b, me, 0] - ideology[b, X, 0]) + abs(ideology[b, me, 1] - ideology[b, X, 1])
            + abs(ideology[b, me, 2] - ideology[b, X, 2])) / F(3.0)
    return camp / (standing[b, me] + F(0.05)) * (F(0.7) + F(0.6) * dist)


@kernel
def _partners(b, n, lead, top, rho, level, act, relations, mod_alliance, alliance, in_bloc):
    """Who (as bits over the leaders) would join leader ``n`` against his enemy: he fears him
    too, is himself in danger, would be welcome, and is not that enemy (kin); those of them
    in no bloc yet (free); and the leaders, able to act, who fear the enemy (foes)."""
    N = lead.shape[0]
    X = top[b, n]
    kin = np.int64(0)
    foes = np.int64(0)
    for k in range(N):
        if not act[b, lead[k]] or lead[k] == X or rho[b, k, X] < 0.7:
            continue
        foes |= np.int64(1) << k
        if k != n and relations[b, lead[n], lead[k]] + mod_alliance[lead[k]] >= -0.25 and \
                level[k] >= 0.8 and top[b, k] == X and alliance[k] >= 0.5:
            kin |= np.int64(1) << k
    return kin, kin & ~in_bloc, foes


@kernel
def _popcount(x):
    n = 0
    while x:
        x &= x - 1
        n += 1
    return n


def hearing(s) -> np.ndarray:
    """[B] how far a faction round one man is heard in the party's cells: it appeals over
    the leaders' heads to the rank and file, who listen when they are restless. The strike
    wave of summer 1923 and the scissors crisis gave the 46 their hearing (000: "criticism of
    the Politbureau's course, both economically and in terms of ... the Party regime"; the
    strikes of August-September 1923 are general history); in a quiet party it is a faction
    that only bleeds under the ban."""
    strikes = s.ind[:, IND["strikes"]]
    return clip((strikes - QUIET) / RESTLESS, 0.0, 1.0).astype(F)


class Pending:
    """The blocs and regards as the turn's earlier bloc actions leave them."""

    def __init__(self, t: "Turn"):
        self.g = t.g
        self.bloc = t.s.bloc.copy()
        self.rel = t.s.relations.copy()
        self.against = np.full((t.s.batch, t.g.L), -1, dtype=np.int64)   # formed this turn
        self.formable = t.bloc_formable

    def apply(self, kind: np.ndarray, actor: np.ndarray, bloc: np.ndarray,
              enemy: np.ndarray | None = None) -> np.ndarray:
        """Check and apply one slot of actions ([B] arrays; kind -1 = none). Returns the
        kinds actually legal: -1 where the engine would refuse; a second founder of a bloc
        formed earlier this turn against the same ``enemy`` joins it instead."""
        g = self.g
        out = np.where((kind == FORM) | (kind == JOIN) | (kind == LEAVE), kind, -1)
        if g.L == 0 or (out < 0).all():
            return out
        by_enemy = enemy is not None
        _apply(out, np.asarray(actor, dtype=np.int64), np.asarray(bloc, dtype=np.int64),
               np.asarray(enemy if by_enemy else out, dtype=np.int64), by_enemy, self.bloc,
               self.rel, self.against, self.formable, g.bloc_open_to, g.mod["alliance"])
        return out

    def polemic(self, actor: np.ndarray, target: np.ndarray, mask: np.ndarray) -> None:
        """A polemic earlier in the turn sours both men's regard (for later joiners)."""
        b = np.flatnonzero(mask & (target >= 0))
        if len(b):
            a, t = actor[b], target[b]
            self.rel[b, a, t] = clip(self.rel[b, a, t] - 0.15, -1, 1)
            self.rel[b, t, a] = clip(self.rel[b, t, a] - 0.15, -1, 1)


@kernel
def _apply(out, actor, bloc, enemy, by_enemy, blocs, rel, against, formable, open_to,
           mod_alliance):
    """``Pending.apply`` game by game: ``out`` (the slot's kinds) is rewritten in place to
    the kinds the engine would allow; ``blocs``, ``rel`` and ``against`` are updated."""
    B = out.shape[0]
    L, P = open_to.shape
    row = np.empty(P, dtype=np.float32)
    for b in range(B):
        k = out[b]
        if k < 0:
            continue
        l, a = min(max(bloc[b], 0), L - 1), min(max(actor[b], 0), P - 1)
        n = 0
        for p in range(P):
            n += blocs[b, l, p]
        exists = n > 0
        open_ = open_to[l, a] and bloc[b] >= 0
        if by_enemy and k == FORM and exists and against[b, l] == enemy[b] and enemy[b] >= 0:
            k = JOIN
        if k == FORM:
            ok = open_ and not exists and formable[b, l]
        elif k == JOIN:
            # the members' mean regard for him (summed as NumPy sums a row: row_sum)
            for p in range(P):
                row[p] = rel[b, p, a] * F(blocs[b, l, p])
            mean = row_sum(row) / max(n, 1)
            ok = open_ and exists and not blocs[b, l, a] and \
                mean + mod_alliance[a] >= -0.3 + 1e-3
        else:
            ok = blocs[b, l, a]
        if not ok:
            out[b] = -1
            continue
        out[b] = k
        if k == JOIN:               # he and the members warm to each other
            for p in range(P):
                if blocs[b, l, p]:
                    rel[b, a, p] = F(min(max(np.float64(rel[b, a, p]) + 0.1, -1.0), 1.0))
            for p in range(P):
                if blocs[b, l, p]:
                    rel[b, p, a] = F(min(max(np.float64(rel[b, p, a]) + 0.1, -1.0), 1.0))
        if k == JOIN or k == FORM:
            blocs[b, l, a] = True
        if by_enemy and k == FORM:
            against[b, l] = enemy[b]
        if k == LEAVE:              # those he leaves think the less of him
            blocs[b, l, a] = False
            for p in range(P):
                if blocs[b, l, p]:
                    rel[b, p, a] = F(min(max(np.float64(rel[b, p, a]) - 0.15, -1.0), 1.0))
