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
from ..engine.arith import LARGE, adds_in_order, along_last, bits_of, clip, dist3, eye, \
    members_sum, sum_terms
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
    # only people in some bloc (or leaders, who may form one) count: a narrower member axis
    cols = np.flatnonzero(s.bloc.any(axis=(0, 1)) | g.leaders)
    members = s.bloc[:, :, cols]                                            # [B,L,P']
    own_c, own_pb_c = own[:, cols], own_pb[:, cols]
    cnt = members.sum(axis=2)                                               # [B,L]
    me = np.swapaxes(s.bloc[:, :, lead], 1, 2)                              # [B,N,L]
    in_any = me.any(axis=2)
    open_to = g.bloc_open_to[:, lead].T[None]                               # [1,N,L]
    X = ctx.top                                                             # [B,N] my enemy
    level = enemy_level(t)                                                  # [B,N]
    # how much each leader k fears my enemy: rho[k, X_me] -> [B,N(me),N'(k)]
    rho_x = np.swapaxes(along_last(ctx.rho, X[:, None, :]), 1, 2)
    lead_m = s.bloc[:, :, lead]                                             # [B,L,N']
    n_lead = lead_m.sum(axis=2)[:, None, :]                                 # [B,1,L]
    fear_x = _fear_of(lead_m, rho_x)                                        # [B,N,L]
    fear_x = (fear_x - me) / np.maximum(n_lead - me, 1)                     # mean of the others
    bi = np.arange(B)[:, None, None]
    x_in = s.bloc[bi, np.arange(L)[None, None, :], X[..., None]]            # [B,N,L]
    closed = np.moveaxis(~g.bloc_open_to[:, X], 0, 2)                       # [B,N,L]
    hidden = (g.bloc_secret[None, :] & ~s.exposed)[:, None, :]
    rel_in = s.relations[:, cols][:, :, lead]                               # [B,P',N] regard
    regard = np.swapaxes(_regard_sum(members, rel_in), 1, 2) / np.maximum(cnt[:, None, :], 1)
    welcome = regard + g.mod["alliance"][lead][None, :, None] >= -0.3 + 1e-3
    dist = dist3(s.ideology[:, None, cols, :], s.ideology[:, lead][:, :, None, :]) \
        / 3.0
    ideo = np.swapaxes((members[:, :, None, :] * dist[:, None, :, :]).sum(axis=3), 1, 2) / \
        np.maximum(cnt[:, None, :], 1)                                      # [B,N,L]
    want = np.swapaxes(_wanted(members, ch.ally[:, cols]), 1, 2)            # [B,N,L]
    gain = np.swapaxes((members * own_c[:, None, :]).sum(axis=2)[:, :, None], 1, 2)  # [B,1,L]
    pb_after = (members * own_pb_c[:, None, :]).sum(axis=2)[:, None, :] + \
        own_pb[:, lead][..., None]
    public = (~g.bloc_secret[None, :] | s.exposed)[:, None, :]
    cc_bloc = (members * own_cc[:, cols][:, None, :]).sum(axis=2)[:, None, :]
    # an open bloc is a faction under the ban unless it commands the Politburo or the
    # Committee once he is in it (power.majority_blocs)
    minority = (pb_after <= 0.5) & (cc_bloc + own_cc[:, lead][..., None] <= 0.5)
    fcost = g.params["faction_cost"] * 12.0 * KAPPA * (public & ctx.ban[:, None, None] & minority)
    alliance, principle = ch.alliance[None, :, None], ch.principle[None, :, None]
    lv = np.minimum(level, 2.0)[..., None]
    threatened = (level >= 0.8)[..., None]
    join = alliance * fear_x * (0.5 * gain + 0.04 * lv + 0.02 * want + 0.01) \
        - 0.03 * principle * ideo - fcost
    # a bloc is a coalition of the men it is open to, against a man outside it: none is formed
    # or joined against one of its own (in the texts each bloc stood against a man outside
    # it; without it Bukharin, Rykov and Tomsky, fearing Stalin most, made the Stalin-Bukharin
    # majority their bloc against him from 1925)
    join_ok = open_to & closed & (cnt > 0)[:, None, :] & ~me & ~in_any[..., None] & welcome \
        & ~x_in & threatened & (fear_x >= 0.5)
    # forming: the leaders who fear my enemy, are free and would be welcome
    # sets of leaders as the bits of one integer (axis N' folded): cheap intersections
    open_k = g.bloc_open_to[:, lead]                                        # [L,N']
    open_bits = bits_of(open_k)                                               # [L]
    kin, pos = _partners(t, rho_x, level)                                   # [B,N,N']
    kin_bits = bits_of(kin)                                                   # [B,N]
    n_pot = np.bitwise_count(bits_of(pos)[:, :, None] & open_bits[None, None, :])   # [B,N,L]
    # enough partners to carry the Politburo, no more (a larger coalition shares the spoils)
    reach = own_pb[:, lead][:, :, None] + _partners_pb(pos, open_k, own_pb[:, lead], n_pot)
    enough = np.minimum(reach, 0.6) - own_pb[:, lead][:, :, None]
    # a bloc made for these partners (its open_to) suits better than one open to anyone
    n_open = g.bloc_open_to[:, lead].sum(axis=1)[None, None, :]
    fit = (1.0 + n_pot) / np.maximum(n_open, 1)
    # a faction round one man (the Left Opposition, open to Trotsky alone): its partners are
    # his following, not leaders, so he founds it with no leader to wait for - but only once
    # his enemy leads a coalition against him (the triumvirate), not against a man alone
    one_man = n_open == 1
    solo = one_man & _ganged(t, x_in)[..., None]
    form = alliance * (0.25 * enough + 0.04 * lv + 0.02 * (want > 0) + 0.05
                       + 0.06 * fit + 0.005 * hidden) * np.where(one_man, hearing(t.s), 1.0) \
        - fcost
    form_ok = open_to & closed & (cnt == 0)[:, None, :] & ~in_any[..., None] & threatened \
        & ((n_pot > 0) | solo) & t.bloc_formable[:, None, :]
    # a bloc that would take me in now: free to form, or held by men who fear my enemy
    home = open_to & closed & ~x_in & (((cnt == 0) & t.bloc_formable)[:, None, :]
                                       | (fear_x >= 0.5))
    # no bloc that shuts out our own kind while another such would take in more of them (the
    # triumvirate leaves out Rykov and Bukharin, who feared Trotsky too; no bloc open to them
    # all can be formed in 1922)
    kin_in = np.bitwise_count(kin_bits[:, :, None] & open_bits[None, None, :])      # [B,N,L]
    roomier = kin_in < np.where(home, kin_in, 0).max(axis=2, keepdims=True)
    form_ok &= ~(roomier & (reach <= 0.5))
    # leaving: an ally has become my greatest threat, the others no longer fear my enemy,
    # or a faction of one only bleeds
    danger = x_in & (level >= 0.6)[..., None]
    idle = (fear_x < 0.25) & (n_lead - me > 0)      # his following fears no one: not idle
    # alone among those who can still act: Trotsky in Lenin's bloc after Lenin fell silent
    lonely = ((members & ctx.act[:, cols][:, None, :]).sum(axis=2) == 1)[:, None, :]
    # a dead end: the bloc carries neither body, those who fear my enemy cannot join it, and
    # another bloc could take us all in
    weak = (cc_bloc <= 0.5) & (pb_after <= 0.5)
    shut = (kin_bits[:, :, None] & ~open_bits[None, None, :]
            & ~bits_of(lead_m)[:, None, :]) != 0                             # [B,N,L]
    # a better home takes in more of the leaders who fear my enemy than this bloc, if this is
    # a home at all (before, any other home would do: Zinoviev and Kamenev left the United
    # Opposition for their Leningrad bloc and that for the United one, month after month)
    fits = (kin_in > 0) & home
    foes = ctx.act[:, lead][:, None, :] & (rho_x >= 0.7) & \
        (lead[None, None, :] != X[..., None])                               # [B,N,N']
    foes_in = np.bitwise_count(bits_of(foes)[:, :, None] & open_bits[None, None, :])  # [B,N,L]
    elsewhere = np.where(fits, foes_in, 0).max(axis=2, keepdims=True) > \
        np.where(home, foes_in, 0)                  # a bloc that is no home is worth none
    dead_end = weak & shut & elsewhere
    dead = me & dead_end
    join_ok &= ~dead_end                          # do not join or found what one would leave
    form_ok &= ~dead_end                          # at once
    rest = gain - own[:, lead][..., None]
    waiting = lonely & (n_pot > 0)                 # partners may still come: wait for them
    # a bloc of one that no partner may still join is no alliance: left, even in secret, so
    # that he is free to join another (before, a secret bloc of one cost nothing and Stalin
    # stayed alone in the broken triumvirate in half the games, shut out of every other bloc)
    deserted = lonely & ~waiting
    # a man whose views the party has condemned gives the majority its cause for his seat if
    # he goes on leading an open faction under the ban (defiance.breached): he lets it lapse,
    # and founds or joins no open faction again - the Opposition of 1923 fell silent after the
    # Thirteenth Conference, Trotsky gave up the War Commissariat without a fight in January
    # 1925, and the Leningrad leaders took their following into the clandestine United
    # Opposition in 1926 (002: "from this point forward, they had to work in secret"). A
    # secret bloc found out is another matter: its men had chosen their fight. Before, the
    # computer Trotsky kept the Left Opposition open through 1924 from the 1924 start point,
    # and lost his Politburo seat by September in four games in ten (history: October 1926)
    condemned = (s.condemned_turn[:, lead] >= 0)[..., None]
    lapse = condemned & ~g.bloc_secret[None, None, :] & ctx.ban[:, None, None] & minority
    join_ok &= ~lapse
    form_ok &= ~lapse
    leave = 0.06 * danger + 0.02 * idle + 0.04 * dead + 0.01 * deserted + 0.06 * lapse \
        + fcost * (deserted | idle) - 0.3 * alliance * rest * ~danger * ~idle * ~dead
    # a man who has recanted keeps his word: he forms and joins no bloc again (Zinoviev and
    # Kamenev after December 1927, the Right after November 1929; game.engine.defiance) -
    # before, the computer Right re-formed its bloc the month after its recantation
    free = ~defiance.submitted(s)[:, lead][..., None]                          # [B,N,1]
    form_ok &= free
    join_ok &= free
    vals = np.stack([np.where(form_ok, form * t.weight("form_bloc"), -1.0),
                     np.where(join_ok, join * t.weight("join_bloc"), -1.0),
                     np.where(me, leave * t.weight("leave_bloc"), -1.0)], axis=2)   # [B,N,3,L]
    flat = vals.reshape(B, N, 3 * L)
    best = np.argmax(flat, axis=2)
    value = along_last(flat, best[..., None])[..., 0]
    kind = np.array([FORM, JOIN, LEAVE])[best // L]
    return np.where(value > 0, kind, -1), best % L, value.astype(F)


def _fear_of(lead_m: np.ndarray, rho_x: np.ndarray) -> np.ndarray:
    """[B,N,L] ``(lead_m[:, None] * rho_x[:, :, None]).sum(axis=3)``: how much the leaders in
    each bloc (``lead_m`` [B,L,N']) fear each leader's enemy (``rho_x`` [B,N,N'], a
    transposed view). NumPy lays that product out with the N' axis outside its innermost and
    so adds it one leader at a time from zero (``adds_in_order``): at a large batch the same
    sum is made by ``members_sum``, in that order (the same values to the last bit)."""
    x, y = lead_m[:, None, :, :], rho_x[:, :, None, :]
    if lead_m.size * rho_x.shape[1] < LARGE or not adds_in_order(x, y, 3):
        return (x * y).sum(axis=3)
    return np.swapaxes(members_sum(lead_m, np.swapaxes(rho_x, 1, 2)), 1, 2)


def _regard_sum(members: np.ndarray, rel_in: np.ndarray) -> np.ndarray:
    """[B,L,N] ``(members[:, :, :, None] * rel_in[:, None, :, :]).sum(axis=2)``: each bloc's
    members' summed regard for each leader (``rel_in`` [B,P',N]), by ``members_sum`` where
    NumPy adds them one at a time (the same values to the last bit)."""
    x, y = members[:, :, :, None], rel_in[:, None, :, :]
    if not adds_in_order(x, y, 2):
        return (x * y).sum(axis=2)
    return members_sum(members, rel_in)


def _partners_pb(pos: np.ndarray, open_k: np.ndarray, pb: np.ndarray,
                 n_pot: np.ndarray) -> np.ndarray:
    """[B,N,L] the Politburo standing ``pb`` [B,N'] of each leader's free partners ``pos``
    [B,N,N'] whom each bloc is open to (``open_k`` [L,N']; ``n_pot`` [B,N,L] how many):
    ``(pot * pb[:, None, None, :]).sum(axis=3)`` for ``pot = pos[:, :, None] & open_k``. The
    same sum in the order NumPy adds it (one at a time from zero, or pairwise where it lays
    the N' axis innermost: ``sum_terms``), made only in the cells with a partner: elsewhere
    every term is a zero and the sum +0 (the same values to the last bit, without the
    [B,N,L,N'] table)."""
    B, N, L = n_pot.shape
    K = pos.shape[2]
    # the order NumPy would add in, read on the first game alone (``adds_in_order`` reads
    # no more than that): no [B,N,L,N'] table of the partners is built to ask
    in_order = adds_in_order(pos[:1, :, None, :] & open_k[None, None], pb[:1, None, None, :], 3)
    out = np.zeros((B, N, L), dtype=np.result_type(pos, pb))
    cells = np.flatnonzero(n_pot)                    # b * N * L + n * L + l
    if len(cells):
        b, l = cells // (N * L), cells % L
        terms = (pos[b, cells // L % N] & open_k[l]) * pb[b]                # [cells,N']
        if in_order:
            total = 0.0
            for i in range(K):
                total = total + terms[:, i]
        else:
            total = sum_terms((terms[:, i] for i in range(K)), K)
        out.reshape(-1)[cells] = total
    return out


def _wanted(members: np.ndarray, ally: np.ndarray) -> np.ndarray:
    """[B,L,N] ``(members[:, :, None, :] * ally[None, None]).sum(axis=3)``: how much each
    leader wants the members of each bloc as allies (``ally`` [N,P'], a few men each). Where
    no leader wants more than two men, his sum has at most two terms that are not zero, and
    adding zeros changes nothing but the sign of a zero (the sum starts from +0): the two
    products plus zero give the same values to the last bit, without the [B,L,N,P'] table."""
    nz = ally != 0
    if members.size * ally.shape[0] < LARGE or nz.sum(axis=1).max(initial=0) > 2:
        return (members[:, :, None, :] * ally[None, None, :, :]).sum(axis=3)
    # each leader's (at most) two wanted men, in column order; a missing one as a column of
    # weight zero (its product is a zero)
    N = ally.shape[0]
    first = np.argmax(nz, axis=1)                                           # [N]
    rest = nz.copy()
    rest[np.arange(N), first] = False
    second = np.argmax(rest, axis=1)
    w1, w2 = ally[np.arange(N), first], ally[np.arange(N), second] * rest.any(axis=1)
    return (members[:, :, first] * w1 + members[:, :, second] * w2) + 0.0


def enemy_level(t: "Turn") -> np.ndarray:
    """[B,N] how dangerous each leader's greatest threat is: his camp's standing - his own
    and his allies' that are not mine - against mine, more so the further apart our views.
    Zinoviev and Kamenev were a danger to Stalin together, at the 14th Congress, not one by
    one (001: "Stalin then turned on Zinoviev and Kamenev, supported by Bukharin and the
    Right"); read man by man, Stalin, with two or three times anyone's standing, was never
    threatened once Trotsky had fallen, sought no allies, and sat in the Stalin-Bukharin
    majority in one game in ten."""
    ctx, s = t.ctx, t.s
    st = ctx.standing
    X = ctx.top
    bi = np.arange(s.batch)[:, None]
    x_st = along_last(st, X)                                                # [B,N]
    theirs = ctx.allied[bi, X] & ~t.allied_leaders & \
        (np.arange(t.g.P)[None, None, :] != X[..., None])                   # [B,N,P]
    camp = x_st + (theirs * st[:, None, :]).sum(axis=2)
    ideo = s.ideology[:, ctx.lead]
    x_ideo = s.ideology[bi, X]                                              # [B,N,3]
    dist = dist3(ideo, x_ideo) / 3.0
    return camp / (st[:, ctx.lead] + 0.05) * (0.7 + 0.6 * dist) * (ctx.top_val > 0)


def hearing(s) -> np.ndarray:
    """[B,1,1] how far a faction round one man is heard in the party's cells: it appeals over
    the leaders' heads to the rank and file, who listen when they are restless. The strike
    wave of summer 1923 and the scissors crisis gave the 46 their hearing (000: "criticism of
    the Politbureau's course, both economically and in terms of ... the Party regime"; the
    strikes of August-September 1923 are general history); in a quiet party it is a faction
    that only bleeds under the ban."""
    strikes = s.ind[:, IND["strikes"]]
    return clip((strikes - QUIET) / RESTLESS, 0.0, 1.0)[:, None, None].astype(F)


def _ganged(t: "Turn", x_in: np.ndarray) -> np.ndarray:
    """[B,N] each leader's greatest threat has another leader, able to act, as his ally
    (``x_in`` [B,N,L]: the threat sits in each bloc)."""
    able = (t.s.bloc & (t.ctx.act & t.g.leaders[None, :])[:, None, :]).sum(axis=2)  # [B,L]
    return (x_in & (able >= 2)[:, None, :]).any(axis=2)      # he is one of them (the top acts)


def _partners(t: "Turn", rho_x: np.ndarray, level: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """[B,N,N'] who would join me against my enemy: he fears him too, is himself in danger,
    would be welcome, and is not that enemy — (kin: any such man, free: those of them in no
    bloc yet)."""
    s, ctx = t.s, t.ctx
    lead = ctx.lead
    N = len(lead)
    regard = s.relations[:, lead][:, :, lead]                               # [B,N(me),N'] me->k
    same = ctx.top[:, None, :] == ctx.top[:, :, None]                       # [B,N,N'] one enemy
    kin = ctx.act[:, lead][:, None, :] & \
        (regard + t.g.mod["alliance"][lead][None, None, :] >= -0.25) & \
        (lead[None, None, :] != ctx.top[..., None]) & ~eye(N)[None] & \
        (level >= 0.8)[:, None, :] & (rho_x >= 0.7) & same & \
        (t.ch.alliance >= 0.5)[None, None, :]
    return kin, kin & ~s.bloc[:, :, lead].any(axis=1)[:, None, :]


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
        B = kind.shape[0]
        bi = np.arange(B)
        out = np.where((kind == FORM) | (kind == JOIN) | (kind == LEAVE), kind, -1)
        if g.L == 0 or (out < 0).all():
            return out
        l = clip(bloc, 0, g.L - 1)
        a = clip(actor, 0, g.P - 1)
        members = self.bloc[bi, l]                                          # [B,P]
        exists = members.any(axis=1)
        open_ = g.bloc_open_to[l, a] & (bloc >= 0)
        if enemy is not None:
            same = exists & (self.against[bi, l] == enemy) & (enemy >= 0)
            out = np.where((out == FORM) & same, JOIN, out)
        n = np.maximum(members.sum(axis=1), 1)
        mean = (self.rel[bi, :, a] * members).sum(axis=1) / n
        join_ok = open_ & exists & ~members[bi, a] & \
            (mean + g.mod["alliance"][a] >= -0.3 + 1e-3)
        ok = np.where(out == FORM, open_ & ~exists & self.formable[bi, l],
                      np.where(out == JOIN, join_ok, members[bi, a]))
        out = np.where(ok & (out >= 0), out, -1)
        j = np.flatnonzero(out == JOIN)
        if len(j):
            m = members[j]
            self.rel[j, a[j]] = clip(self.rel[j, a[j]] + 0.1 * m, -1, 1)
            self.rel[j, :, a[j]] = clip(self.rel[j, :, a[j]] + 0.1 * m, -1, 1)
        add = np.flatnonzero((out == JOIN) | (out == FORM))
        self.bloc[add, l[add], a[add]] = True
        if enemy is not None:
            new = np.flatnonzero(out == FORM)
            self.against[new, l[new]] = enemy[new]
        gone = np.flatnonzero(out == LEAVE)
        if len(gone):
            self.bloc[gone, l[gone], a[gone]] = False
            m = self.bloc[gone, l[gone]]
            self.rel[gone, :, a[gone]] = clip(self.rel[gone, :, a[gone]] - 0.15 * m, -1, 1)
        return out

    def polemic(self, actor: np.ndarray, target: np.ndarray, mask: np.ndarray) -> None:
        """A polemic earlier in the turn sours both men's regard (for later joiners)."""
        b = np.flatnonzero(mask & (target >= 0))
        if len(b):
            a, t = actor[b], target[b]
            self.rel[b, a, t] = clip(self.rel[b, a, t] - 0.15, -1, 1)
            self.rel[b, t, a] = clip(self.rel[b, t, a] - 0.15, -1, 1)
