"""What motions are worth: the gain if the vote is won, weighed by the chance of winning it.

Every motion's chance comes from the forecast (game.ai.forecast): the share of votes the
leader expects, read with the error his difficulty allows, against the share the motion needs.
A leader moves only when that chance clears his caution; motions against rivals also wait for
his patience, or his bloc's (not before a share of the game has passed), and scale with his
aggression.

Each block is valued in two compiled loops (game.engine.jit) around the forecast: the first
finds, game by game and leader by leader, which motions are wanted and what each would gain,
and lists their cells (game, leader, candidate); the forecast reads the shares of those cells
alone, and the leaders' errors are drawn at their columns alone; the second (``_values``)
weighs each wanted motion's gain by its chance.
"""
from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

import numpy as np

from ..engine import defiance
from ..engine.actions import POWERS
from ..engine.arith import clip
from ..engine.jit import F, kernel
from ..engine.legality import condemn_open, politburo_vacancies
from ..engine.state import BODY, IND
from .forecast import body_for
from .value_actions import ACT_MIN, KAPPA, open_quarrel, settled_at

if TYPE_CHECKING:
    from .rivals import Turn

POWER_VALUE = {"appoint": 0.10, "recruit": 0.03, "police": 0.03, "press": 0.02, "army": 0.03,
               "comintern": 0.015, "government": 0.02, "unions": 0.015, "control": 0.02,
               "inspection": 0.01, "party_org": 0.03}
EXPEL_GAIN = np.array([0.07, 0.05, 0.06], dtype=F)
# what casting out a man who defies the party is worth beside his danger (in units of his
# threat): the majority expels a beaten opposition that fights on, however weak it has become
DEFIANCE_GAIN = 0.6
TOP_K = 2
# how far a motion's line may stand against a leader's own views before he will not table it
OPPOSED = 0.7
_IND_MOOD = IND["peasant_mood"]
_PB, _PB_CANDIDATE, _CC = BODY["politburo"], BODY["politburo_candidate"], \
    BODY["central_committee"]
# the share a motion needs (all but an expulsion beyond the Politburo), and the error and
# appetite of a leader who reads the vote exactly and moves whenever it pays: broadcast to
# every cell by _values
_HALF = np.full((1, 1, 1), 0.5, dtype=F)
_EXACT = np.zeros((1, 1, 1), dtype=F)
_WHOLE = np.ones((1, 1, 1))


def post_values(g) -> np.ndarray:
    """[K] what holding each post is worth, in standing."""
    v = 0.01 + 0.01 * g.post_ap + 0.002 * g.post_prestige
    for i, pw in enumerate(POWERS):
        v = v + POWER_VALUE.get(pw, 0.01) * g.post_powers[:, i]
    return v.astype(F)


@kernel
def _at(x, b, n, j):
    """``x[b, n, j]`` of a 3-axis array, an axis of length 1 read as NumPy broadcasts it."""
    return x[b if x.shape[0] > 1 else 0, n if x.shape[1] > 1 else 0, j if x.shape[2] > 1 else 0]


@kernel
def _chance(share, err, misjudge, need):
    """Chance the motion passes as the leader reads it (float32): the expected ``share``
    misjudged by ``misjudge`` times his draw ``err`` (at easier levels), against ``need``."""
    x = share + F(misjudge) * err
    return F(1.0) / (F(1.0) + np.exp(-(x - need) / F(0.025)))


@kernel
def _settle(p, gain, loss, need):
    """Expected value of moving a motion that passes with chance ``p`` (<= 0 when he is too
    unsure of the vote: ``p`` below his ``need``)."""
    if not p >= need:
        return -1.0
    return p * gain - (1.0 - p) * loss


@kernel
def _values(cb, cn, cj, slot, share, err, misjudge, need_share, gain, ramp, loss, need, weight,
            B, N, T):
    """([B,N,T] what each wanted motion is worth (0 elsewhere: never kept), whether it is worth
    considering): the motions at the cells ``cb``, ``cn``, ``cj``, from each one's expected
    ``share`` (one a cell) against ``need_share`` (error ``misjudge`` * ``err``, read at
    [b, n, ``slot``]: ``_columns``), its ``gain``, his ``loss`` and ``need``
    (Turn.settle_terms), his appetite ``ramp`` for a motion against a rival now and his
    character's ``weight`` for the kind. The inputs but the cells and ``share`` broadcast as in
    NumPy (an axis of length 1)."""
    out = np.zeros((B, N, T))
    keep = np.zeros((B, N, T), np.bool_)
    for c in range(cb.shape[0]):
        b, n, j = cb[c], cn[c], cj[c]
        p = _chance(share[c], _at(err, b, n, slot[c]), misjudge, _at(need_share, b, n, j))
        v = _settle(p, _at(gain, b, n, j), _at(loss, b, n, j), _at(need, b, n, j))
        out[b, n, j] = v * _at(ramp, b, n, j) * _at(weight, b, n, j)
        keep[b, n, j] = out[b, n, j] > 0
    return out, keep


def _value(t: "Turn", block: str, kind: str, cells: np.ndarray, share: np.ndarray,
           gain: np.ndarray, ramp: np.ndarray = _WHOLE, need: np.ndarray = _HALF) -> tuple:
    """``_values`` of the block's wanted motions at ``cells`` (rows b, n, j, ...): the error is
    drawn per candidate column of the block, at the columns each game reads; ``ramp`` scales a
    motion against a rival by his appetite for it now."""
    loss, need_p = t.settle_terms
    B, N = t.s.batch, len(t.ctx.lead)
    if t.dif.misjudge:
        cols, slot = _columns(cells[0], cells[1], cells[2], B, N)
        err = t.draws_at("misjudge", block, cols)
    else:
        err, slot = _EXACT, cells[2]
    return _values(cells[0], cells[1], cells[2], slot, share, err, t.dif.misjudge, need, gain,
                   ramp, loss, need_p, t.weight(kind), B, N, t.menu[block].size)


@kernel
def _columns(cb, cn, cj, B, N):
    """([B,N,W] the block's columns each leader reads in each game (Turn.draws_at; W: the
    most any reads, the rest column 0), [C] where each cell ``cb``, ``cn``, ``cj`` stands
    among his)."""
    count = np.zeros((B, N), np.int64)
    slot = np.empty(cb.shape[0], np.int64)
    W = 1
    for c in range(cb.shape[0]):
        slot[c] = count[cb[c], cn[c]]
        count[cb[c], cn[c]] += 1
        W = max(W, slot[c] + 1)
    cols = np.zeros((B, N, W), np.int64)
    for c in range(cb.shape[0]):
        cols[cb[c], cn[c], slot[c]] = cj[c]
    return cols, slot


_BODIES: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _bodies(t: "Turn", what: str, names) -> np.ndarray:
    """The bodies that vote on ``names(g)`` this turn: fixed by the scenario and the kind of
    sitting (if any) this turn, so worked out once per game and kind."""
    memo = _BODIES.setdefault(t.g, {})
    key = (what, t.ctx.sitting_kind)
    if key not in memo:
        memo[key] = np.array([_body(t, b) for b in names(t.g)])
    return memo[key]


def _body(t: "Turn", body: str) -> str:
    return body_for(t.g, t.s.turn, body)


def _post_bodies(g) -> list:
    return g.post_removed_by


_c = np.ascontiguousarray     # a kernel's arrays in one layout, so that it compiles once


# how far into the game each step of a campaign against a man comes, after a leader's patience
# has run out: first his views are condemned and his posts taken, only later is he put out of
# the Politburo, the Central Committee and the party (a split the party dreaded). The Committee
# and the party wait a tenth of the game and more after the Politburo: since a man who defies
# the party is cast out however weak (_campaigns), at a twentieth the Right's men cast
# Zinoviev out of the Committee in 1926 in half the games (history: October 1927, 001)
NEVER = 3.0        # a patience no campaign outlasts (a start past the end of the game)
ESCALATION = {"condemn": 0.0, "remove": 0.05, "demote": 0.15, "expel_pb": 0.2, "expel_cc": 0.35,
              "expel_party": 0.4}
# the expulsion's step by where the man sits (0: the Politburo, 1: the Committee, 2: the party)
EXPEL_ESCALATION = np.array([ESCALATION[k] for k in ("expel_pb", "expel_cc", "expel_party")])
_CONDEMN_STEP, _DEMOTE_STEP = ESCALATION["condemn"], ESCALATION["demote"]      # for the kernels


_TERMS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _appetite_terms(t: "Turn") -> tuple:
    """What ``pace`` and ``_appetite`` read, for the kernels: (lead, rho, focus, patience,
    ready partners (``_partners``), allied [B,P,P] (Context.allied), human, aggression,
    progress, urgency, mercy); worked out once a turn."""
    terms = _TERMS.get(t)
    if terms is None:
        ctx, ch, dif = t.ctx, t.ch, t.dif
        allied = _c(ctx.allied)
        terms = _TERMS[t] = (
            ctx.lead, ctx.rho, _c(t.focus[0, :, 0]), _c(ch.patience, dtype=np.float64),
            _partners(ctx.lead, allied, _c(ctx.act), ctx.human), allied, ctx.human,
            _c(ch.aggression, dtype=np.float64), float(ctx.progress), float(dif.urgency),
            float(dif.mercy))
    return terms


@kernel
def _partners(lead, allied, act, human):
    """[B,N,M] each leader's computer partners in a bloc (``pace``): other leaders, in
    politics and computer-played, who share a bloc with him."""
    B, N = allied.shape[0], lead.shape[0]
    out = np.zeros((B, N, N), np.bool_)
    ready = np.empty(N, np.bool_)
    for b in range(B):
        for m in range(N):
            ready[m] = act[b, lead[m]] and not human[lead[m]]
        for n in range(N):
            mine = allied[b, lead[n]]
            for m in range(N):
                out[b, n, m] = ready[m] and m != n and mine[lead[m]]
    return out


@kernel
def pace(terms, b, n, target):
    """The patience leader ``n``'s motions against ``target`` (a person) wait for in game
    ``b``: the greatest of his own and his computer partners' (his blocs' men, the target
    aside). A bloc's motion is carried by the partners' votes, and they lend them when they are
    ready themselves: the triumvirs moved against Trotsky at Stalin's pace, not Zinoviev's, who
    wanted him expelled, even arrested, when Trotsky lost the War Commissariat in January 1925
    (003; Stalin's moderation is general history: the campaign's event of that month).
    Without it Zinoviev took Trotsky's post in 1923, with the triumvirate's votes, and then
    Bukharin's, Rykov's and Tomsky's in 1924. ``terms``: ``_appetite_terms``."""
    lead, rho, focus, patience, ready = terms[0], terms[1], terms[2], terms[3], terms[4]
    tc = max(target, 0)
    theirs = 0.0
    for m in range(lead.shape[0]):
        if not ready[b, n, m] or lead[m] == target:
            continue
        # a partner lends his votes against a man he would move against himself: one who does
        # not count him among his chief enemies holds the bloc back (the triumvirs' votes did
        # not take Rykov's and Tomsky's posts in 1925: Stalin backed the Right against
        # Zinoviev and Kamenev, 001, "supported by Bukharin and the Right")
        wait = patience[m] if rho[b, m, tc] >= focus[m] else NEVER
        theirs = max(theirs, wait)
    return max(patience[n], theirs)


@kernel
def _appetite(terms, n, waited, esc, partner, human):
    """Leader ``n``'s appetite for a motion against a man at the step of the escalation
    ``esc``: aggression once patience - his bloc's, ``waited`` = 0.35 * ``pace`` - and the
    escalation of that step have run out; against a ``human`` player the difficulty may bring
    it forward or damp it; never against his ``partner`` (``_partner``). ``terms``:
    ``_appetite_terms``."""
    if partner:
        return 0.0
    start = waited + esc
    if human:
        start = start * (1.0 - terms[9])
    r = terms[7][n] * _past(terms[8], start)
    return r * terms[10] if human else r


@kernel
def _partner(allied, b, me, target):
    """``target`` (a person; -1: nobody) sits in a bloc with the leader ``me`` (a person) in
    game ``b`` (``allied``: Context.allied): he is not moved against. A man turns on an ally by
    leaving their bloc first (001: "Later, in 1928, having defeated the Left, Stalin turned on
    Bukharin"; the Right left the majority over the grain, 002). Before, the computer Stalin
    took Pravda and the unions from Bukharin and Tomsky while they sat with him in the
    Stalin-Bukharin majority against the Leningrad Opposition."""
    return target >= 0 and allied[b, me, target]


@kernel
def _past(progress, start):
    """0..1: how far the struggle has gone past ``start`` (a share of the game), in full an
    eighth of the game later."""
    return min(max((progress - start) / 0.12, 0.0), 1.0)


@kernel
def _ramps(terms, targets, esc):
    """[B,N,T] ``_appetite`` against ``targets`` ([B,T] or, the same men in every game,
    [1,T])."""
    lead, rho, allied, human = terms[0], terms[1], terms[5], terms[6]
    B, N, T = rho.shape[0], lead.shape[0], targets.shape[1]
    out = np.empty((B, N, T))
    for b in range(B):
        row = b if targets.shape[0] > 1 else 0
        for n in range(N):
            for j in range(T):
                x = targets[row, j]
                out[b, n, j] = _appetite(terms, n, 0.35 * pace(terms, b, n, x), esc,
                                         _partner(allied, b, lead[n], x), human[max(x, 0)])
    return out


def _ramp(t: "Turn", step: str, target) -> np.ndarray:
    """[B,N,T] appetite for the ``step`` of a campaign against ``target`` persons ([T] or
    [B,1,T]; -1: nobody) now (``_appetite``; the valuations work it out where they read it)."""
    target = np.asarray(target)
    targets = np.ascontiguousarray(target.reshape(-1, target.shape[-1]), dtype=np.int64)
    return _ramps(_appetite_terms(t), targets, ESCALATION[step])


def focus(ch) -> np.ndarray:
    """[1,N,1] how near the greatest threat a man must be to be moved against: a principled
    leader fights only his chief enemy, an unprincipled one whoever he can beat (the same
    every turn: see Rivals)."""
    return clip(0.55 + 0.25 * ch.principle, 0.6, 0.95)[None, :, None]


def _read(t: "Turn", cells: np.ndarray, body: str, personal: bool = True,
          bureaucratic: float = 0.0, takes=False) -> np.ndarray:
    """[M] float32 the share of votes each motion read at ``cells`` (rows b, n, target) would
    win: the forecast reads only the motions worth reading. ``takes`` (a bool or [M]): the
    motion takes a post or seat (Forecast.duel)."""
    if not cells.shape[1]:
        return _NO_SHARE
    return _c(t.fc.duel(cells[0], cells[1], cells[2], body, personal, bureaucratic, takes),
              dtype=F)


_NO_SHARE = np.zeros(0, dtype=F)


def against_leaders(t: "Turn") -> None:
    """Condemn, demote, expel: the motions against another leader, on one forecast each."""
    g, s, ctx = t.g, t.s, t.ctx
    lead = ctx.lead
    N = len(lead)
    # a man defies the party (defiance.defiant) or has recanted (defiance.submitted); he has
    # breached the ban after his views were condemned (defiance.breached)
    (legal, demote_ok, level, ramp, ramp_e, ramp_d, gain_c, gain_e, gain_d, need_e, seated,
     unseated, condemned, expelled, demoted) = _campaigns(
        _appetite_terms(t), t.open_to_motions, s.member, ctx.danger, s.prestige, ctx.faction,
        _c(ctx.ban), defiance.defiant(g, s), defiance.submitted(s), _c(t.ag.out_pb),
        condemn_open(g, s), defiance.breached(g, s, ctx.faction), _ruthless(t),
        (np.zeros(N, dtype=bool) | _verdict_due(t, lead)).reshape(N), s.bloc, ctx.majority,
        ctx.opposition, g.bloc_open_to, ctx.bits, float(g.params["condemn_prestige"]),
        float(g.params["cc_expel_majority"]))
    tg = lead[None, None, :]                                 # [1,1,T]: each leader
    condemn_body = _body(t, "congress")
    # a verdict is read apart from the motions that take a seat, which weigh whether the party
    # has passed one (votes._verdict)
    in_cc = condemn_body == "central_committee"
    other = _body(t, "congress") if ctx.sitting is not None else "joint_plenum"
    # the motions that take a seat, read in the Committee (out of the Politburo or the
    # Committee, to candidate member) or else in the plenum or the sitting (out of the party)
    seat = np.concatenate((_read(t, seated, "central_committee", takes=True),
                           _read(t, unseated, other, takes=True)))
    claim = t.menu.CLAIM_AGAINST + tg
    # each block is valued only where some motion in it is wanted: elsewhere its values are
    # never read (kept nowhere), and a block wanted nowhere - most months - is put as such
    v, keep = _value(t, "condemn", "condemn", condemned,
                     _read(t, condemned[[0, 1, 3]], "central_committee" if in_cc else other),
                     gain_c, ramp) if condemned.shape[1] else _NOTHING
    t.board.put("condemn", v, legal, keep=keep, target=tg, group=tg, claim=claim)
    # expel from the Politburo, the Central Committee, the party
    v, keep = _value(t, "expel", "expel", expelled, seat[expelled[3]], gain_e, ramp_e,
                     need_e) if expelled.shape[1] else _NOTHING
    t.board.put("expel", v, legal, keep=keep, target=tg, arg=level[:, None, :], group=tg,
                cost=2.0, claim=claim)
    # demote to candidate member
    if "demote" in t.menu.blocks:
        v, keep = _value(t, "demote", "demote", demoted, seat[demoted[3]], gain_d,
                         ramp_d) if demoted.shape[1] else _NOTHING
        t.board.put("demote", v, demote_ok, keep=keep, target=tg, group=tg, claim=claim)


_NOTHING = (0.0, False)         # a block's value and what is kept where nothing is wanted


@kernel
def _campaigns(terms, open_to_motions, member, danger, prestige, faction, ban, defies, yielded,
               out_pb, open_c, breached, ruthless, due, bloc, majority, opposition, open_to,
               bits, condemn_prestige, cc_expel_majority):
    """Each leader's campaign against each other leader (``terms``: ``_appetite_terms``):
    ([B,N,T] legal, demote legal, [B,T] where the man sits (0: the Politburo or its
    candidates, 1: the Committee, 2: the party), [B,N,T] the appetite for a condemnation, an
    expulsion and a demotion, the gain of each (where wanted), [B,1,T] the share an expulsion
    needs, then the cells of the motions wanted: ``_campaign_cells``)."""
    lead, rho, focus, allied, human = terms[0], terms[1], terms[2], terms[5], terms[6]
    aggression, mercy = terms[7], terms[10]
    B, N = rho.shape[0], lead.shape[0]
    L = bloc.shape[1]
    shape = (B, N, N)
    legal, demote_ok = np.zeros(shape, np.bool_), np.zeros(shape, np.bool_)
    want_c, want_e = np.zeros(shape, np.bool_), np.zeros(shape, np.bool_)
    want_d = np.zeros(shape, np.bool_)
    ramp, ramp_e, ramp_d = np.zeros(shape), np.zeros(shape), np.zeros(shape)
    gain_c, gain_e, gain_d = np.zeros(shape), np.zeros(shape), np.zeros(shape)
    level = np.zeros((B, N), np.int64)
    need_e = np.empty((B, 1, N), F)
    hostile = np.zeros(N)
    ruling = np.zeros(N, np.bool_)
    games = np.zeros(B, np.bool_)             # some motion is wanted in the game
    # the blocs open to each leader, and each man's open opposition blocs, as the bits of one
    # integer (at most 62 blocs: power.bloc_bits)
    opened = np.zeros(N, np.int64)
    for n in range(N):
        for l in range(L):
            if open_to[l, lead[n]]:
                opened[n] |= np.int64(1) << l
    opposed = np.zeros(N, np.int64)
    for b in range(B):
        for j in range(N):
            x = lead[j]
            if member[b, x, _PB] or member[b, x, _PB_CANDIDATE]:
                level[b, j] = 0
            elif member[b, x, _CC]:
                level[b, j] = 1
            else:
                level[b, j] = 2
            need_e[b, 0, j] = F(0.5) if level[b, j] == 0 else F(cc_expel_majority)
            hostile[j] = _hostility(level[b, j], faction[b, x] and ban[b], defies[b, x],
                                    yielded[b, x])
            opposed[j] = 0
            for l in range(L):
                if bloc[b, l, x] and opposition[b, l]:
                    opposed[j] |= np.int64(1) << l
        for n in range(N):
            ruling[n] = False
            for l in range(L):
                ruling[n] |= bloc[b, l, lead[n]] and majority[b, l]
        for n in range(N):
            for j in range(N):
                x = lead[j]
                if not (member[b, lead[n], _PB] and open_to_motions[b, x] and x != lead[n]):
                    continue
                legal[b, n, j] = True
                lv = level[b, j]
                in_pb = member[b, x, _PB]
                demote_ok[b, n, j] = in_pb
                # the appetite for each step (_appetite), the expulsion's step read from
                # where the man sits
                waited = 0.35 * pace(terms, b, n, x)
                partner = _partner(allied, b, lead[n], x)
                ramp[b, n, j] = _appetite(terms, n, waited, _CONDEMN_STEP, partner, human[x])
                ramp_d[b, n, j] = _appetite(terms, n, waited, _DEMOTE_STEP, partner, human[x])
                ramp_e[b, n, j] = _appetite(terms, n, waited, EXPEL_ESCALATION[lv], partner,
                                            human[x])
                focused = rho[b, n, x] >= focus[n]            # principled men fight one enemy
                r = rho[b, n, x] * danger[b, n, x]
                aim = out_pb[n, x]                                # his role wants them out
                fac = faction[b, x] and ban[b]
                # a man who defies the party is cast out of the Committee or the party
                # however weak (_hostility)
                cast_out = defies[b, x] and lv > 0
                wants_e = ((focused and r > F(0.3) and hostile[j] > 0) or (aim and lv == 0)
                           or cast_out) and ramp_e[b, n, j] > 0
                wants_d = in_pb and (focused and r > F(0.3) or aim) and ramp_d[b, n, j] > 0
                # a seat is taken only after a breach of the ban (_seat_forfeit); until then
                # the campaign against the man is fought with a verdict on his views, the
                # first step of any
                seat = _seat_forfeit(lv, breached[b, x], ruthless[x])
                unseated = (wants_e or wants_d) and not seat
                want_e[b, n, j] = wants_e and seat
                want_d[b, n, j] = wants_d and seat
                # an open faction under the ban is a breach in itself: the majority puts its
                # men's views to the next Congress or Conference whatever its patience - the
                # Thirteenth Conference condemned Trotsky and the 46 (001), a year before the
                # triumvirs took his army at Stalin's pace. Not a bloc open to the mover:
                # Zinoviev and Kamenev, left in the triumvirate when Stalin went over to the
                # Right, are not his opposition faction. Before, the majority waited for its
                # patience, and the Conference condemned Trotsky in one game in seven.
                foreign = opposed[j] & ~opened[n] != 0
                if foreign and ban[b] and ruling[n] and not partner:
                    full = (mercy if human[x] else 1.0) * aggression[n]
                    ramp[b, n, j] = max(ramp[b, n, j], full)
                standing = min(max((prestige[b, x] - F(20.0)) / F(30.0), F(0.0)), F(1.0))
                wants_c = open_c[b, x] and ramp[b, n, j] > 0 and due[j] and (
                    (focused and r > F(0.5) and (fac or standing > F(0.5))) or unseated)
                want_c[b, n, j] = wants_c
                games[b] |= wants_c or want_e[b, n, j] or want_d[b, n, j]
                if wants_c:
                    # condemn: worth it against a man with standing to lose, or the leader of
                    # an open faction; the more so the more of his bloc's men he fears
                    mates = F(0.0)
                    for p in range(rho.shape[2]):
                        if bits[b, x] & bits[b, p] != 0:
                            mates += rho[b, n, p]
                    gain_c[b, n, j] = KAPPA * (r * F(condemn_prestige) * standing
                                               + F(3.0) * mates + F(1.0))
                if want_e[b, n, j]:
                    gain_e[b, n, j] = EXPEL_GAIN[lv] * (r * hostile[j]
                                                        + DEFIANCE_GAIN * cast_out) \
                        + 0.08 * (aim and lv == 0)
                if want_d[b, n, j]:
                    gain_d[b, n, j] = F(0.05) * r + 0.08 * aim
    return (legal, demote_ok, level, ramp, ramp_e, ramp_d, gain_c, gain_e, gain_d, need_e) + \
        _campaign_cells(lead, level, want_c, want_e, want_d, games)


@kernel
def _campaign_cells(lead, level, want_c, want_e, want_d, games):
    """The cells of the motions wanted, each list in order: ([3,R] (b, n, target) of those
    that take a seat and are read in the Committee - an expulsion from the Politburo or the
    Committee, a demotion - [3,S] of the expulsions from the party, read in the plenum or the
    sitting, then (b, n, j, target) of each condemnation [4,C], and (b, n, j, its read: in
    the first list, or in the second after the first) of each expulsion [4,E] and demotion
    [4,D]). ``games``: where some motion is wanted."""
    B, N, T = want_c.shape
    R = S = C = E = D = 0
    for b in range(B):
        if not games[b]:
            continue
        for n in range(N):
            for j in range(T):
                e, d = want_e[b, n, j], want_d[b, n, j]
                R += d or (e and level[b, j] < 2)
                S += e and level[b, j] == 2
                C += want_c[b, n, j]
                E += e
                D += d
    seated, unseated = np.empty((3, R), np.int64), np.empty((3, S), np.int64)
    condemned = np.empty((4, C), np.int64)
    expelled, demoted = np.empty((4, E), np.int64), np.empty((4, D), np.int64)
    r = s = c = e = d = 0
    for b in range(B):
        if not games[b]:
            continue
        for n in range(N):
            for j in range(T):
                x = lead[j]
                here = r
                if want_d[b, n, j] or (want_e[b, n, j] and level[b, j] < 2):
                    _put_cell(seated, r, b, n, x, 0)
                    r += 1
                if want_e[b, n, j] and level[b, j] == 2:
                    _put_cell(unseated, s, b, n, x, 0)
                    here = R + s
                    s += 1
                if want_c[b, n, j]:
                    _put_cell(condemned, c, b, n, j, x)
                    c += 1
                if want_e[b, n, j]:
                    _put_cell(expelled, e, b, n, j, here)
                    e += 1
                if want_d[b, n, j]:
                    _put_cell(demoted, d, b, n, j, here)
                    d += 1
    return seated, unseated, condemned, expelled, demoted


@kernel
def _put_cell(cells, i, b, n, j, x):
    """Column ``i`` of ``cells`` (rows b, n, j and, where it has a fourth, ``x``)."""
    cells[0, i], cells[1, i], cells[2, i] = b, n, j
    if cells.shape[0] > 3:
        cells[3, i] = x


@kernel
def _hostility(level, faction, defies, yielded):
    """How hostile a motion to expel a man from where he sits (``level``) is. A rival is
    put out of the Politburo for the danger he is; out of the Committee for that danger only
    with less heart unless he leads an open faction (``faction``) or defies the party; out of
    the party only if he defies it after his defeat (game.engine.defiance) - and not at all,
    beyond the Politburo, once he has recanted (``yielded``). The Left, beaten in 1926, fought
    on and was expelled in 1927 (001: "Nov: Trotsky and Zinoviev expelled from the Communist
    Party"); the Right recanted in November 1929 and kept its party cards (general history).
    Read by danger alone, the rivals expelled the Right, the next danger, in 1928 and let the
    beaten Left be. (A man who defies the party is cast out beyond the Politburo however weak:
    ``_campaigns``.)"""
    if level == 0:
        return 1.0
    if yielded:
        return 0.0
    if level == 1:
        return 0.3 + 0.7 * (faction or defies)
    return 1.0 if defies else 0.0


@kernel
def _seat_forfeit(level, breached, ruthless):
    """A motion to reduce or put the man out of the Politburo may be moved: he sits outside
    it already (the steps beyond it, ``level`` > 0), or he has breached the ban on factions
    after his views were condemned (defiance.breached). The majority cut off no heads for
    views alone: Zinoviev and Trotsky kept their seats a year after their defeat and lost them
    only when the opposition's organised breach of the ban was exposed - the Lashevich affair,
    June 1926, the appeal to the cells, October 1926 - Kamenev his full seat after the open
    fight at the Fourteenth Congress (Stalin there: 'we are against the policy of cutting off
    heads'; general history). Before, the rivals reduced Trotsky and Zinoviev to candidates or
    put them out once patience ran out, in 1925 in half the games. The rivals wait for the
    breach against the human player too, unless their level has no ``pretext`` (hard,
    ``ruthless``); a stand-in playing a seat (game.ai.policies, which reads every other man as
    a player) has none: the player plays the rules, not the party's manners."""
    return level > 0 or breached or ruthless


def _verdict_due(t: "Turn", target) -> np.ndarray | bool:
    """A verdict on a man's views is given by a Congress or a Conference of the party, not at
    any month's plenum: the Thirteenth Conference condemned Trotsky (January 1924, 001:
    "13th Party Conference condemns Trotsky's views"), the Fourteenth Congress the Leningrad
    Opposition (December 1925), the Fifteenth Conference the United Opposition (October 1926),
    the Sixteenth Conference, with the plenum before it, the Bukharin group (April 1929,
    general history). Before, the computer Stalin condemned Bukharin's views in February or
    March 1928, the month after the grain taken by force parted them. A human player may be
    condemned at any plenum by a level with no ``pretext`` (hard); in a scenario with no
    Congress or Conference left to sit, any month's plenum gives the verdict."""
    if t.ctx.sitting_kind in VERDICT_SITTINGS or not _sittings_ahead(t.g, t.s.turn):
        return True
    return _ruthless_at(t, target)


VERDICT_SITTINGS = ("congress", "conference")
_AHEAD: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _sittings_ahead(g, turn: int) -> bool:
    """A Congress or a Conference sits this turn or later (fixed by the scenario: worked out
    once per game and turn)."""
    memo = _AHEAD.setdefault(g, {})
    if turn not in memo:
        memo[turn] = any(u >= turn and g.scenario.sittings[i].kind in VERDICT_SITTINGS
                         for u, i in g.sitting_at.items())
    return memo[turn]


def _ruthless(t: "Turn") -> np.ndarray:
    """[P] the man is a human player the rivals' level lets them move against with no pretext
    (``pretext`` false: hard, and a stand-in playing a seat)."""
    return t.ctx.human & (not t.dif.pretext)


def _ruthless_at(t: "Turn", target) -> np.ndarray:
    """[1,1,T] or [B,1,T] ``_ruthless`` at ``target`` ([T] or [B,1,T]; -1: nobody)."""
    human = _ruthless(t)[np.maximum(target, 0)] & (np.asarray(target) >= 0)
    return human.reshape((-1, 1, human.shape[-1]))


def _verdict_defied(t: "Turn", holder: np.ndarray) -> np.ndarray:
    """[B,1,K] the post's holder has persisted in views the party condemned past the
    ``post_grace`` it gave him to submit (defiance.beaten, not ``submitted``)."""
    g, s = t.g, t.s
    h = np.maximum(holder[:, 0, :], 0)                                          # [B,K]
    persists = defiance.beaten(g, s, "post_grace") & ~defiance.submitted(s)     # [B,P]
    return persists[np.arange(s.batch)[:, None], h][:, None, :]


def _posts_forfeit(t: "Turn", holder: np.ndarray, defied: np.ndarray,
                   testament: np.ndarray | None = None) -> np.ndarray:
    """[B,N,K] each leader may move to take each post from its holder (``holder`` [B,1,K]):
    the party has condemned the holder's views (``_verdict_due``) and he has persisted past
    the ``post_grace`` it gives him to submit (``defied``, from ``_verdict_defied``). A campaign
    against a man is fought in words first: Trotsky, his 'Trotskyism' condemned, lost the War
    Commissariat in January 1925 (003); Zinoviev and Kamenev, condemned at the Fourteenth
    Congress, Leningrad and Moscow in January 1926; the Bukharin group, condemned in April
    1929, Pravda that month (001: "1929 Apr: Bukharin removed as editor of *Pravda*") and the
    unions in June (general history). Before, the computer rivals took the Right's posts as
    soon as the grain taken by force parted them from Stalin - Pravda and the unions in April
    1928, most of them before any verdict on their views.

    Lenin's Postscript was a verdict on the General Secretary (001: "I propose to the comrades
    to find a way of removing Stalin from that position"): Lenin, once he has written it, needs
    no other, nor does anyone move to take the Secretariat once his Testament is published.
    Without that Stalin kept the Secretariat in every game but one in 300 and the succession
    was all but settled from the start. A level with no ``pretext`` (hard) needs no verdict
    against the human player. ``testament``: ``_testament``, if the caller has it."""
    return defied | _ruthless_at(t, holder) | (_testament(t) if testament is None else testament)


def _testament(t: "Turn") -> np.ndarray:
    """[B,N,K] the post is the Secretariat and the Postscript, which asks the comrades to
    remove its holder, is a verdict on him: the Testament has been published, or the leader
    is Lenin, who wrote it (defiance.testament_verdict)."""
    lead = np.broadcast_to(t.ctx.lead[None, :], (t.s.batch, len(t.ctx.lead)))
    return defiance.testament_verdict(t.g, t.s, by=lead)


def remove(t: "Turn") -> None:
    g, s, ctx = t.g, t.s, t.ctx
    holder = s.holder.astype(np.int64)[:, None, :]                               # [B,1,K]
    # the party's verdict is carried out against a man who defies it, however little he is
    # still to be feared: the Bukharin group, condemned in April 1929, lost Pravda and the
    # unions that spring though Stalin no longer had to fear them (001: "by 1929, he had
    # politically defeated and neutralised all his main rivals"). Before, a victor whose
    # standing had outgrown them left Tomsky the unions in 98 games in 100.
    verdict = _verdict_defied(t, holder)
    testament = _testament(t)
    names, column_body = _body_groups(t, "posts", _post_bodies)
    legal, gain, ramp, cells, first = _removals(
        _appetite_terms(t), s.member, t.open_to_motions, holder[:, 0], ctx.danger,
        _c(verdict[:, 0]), _posts_forfeit(t, holder, verdict, testament), testament,
        t.post_value, t.ag.keep_post, ESCALATION["remove"], column_body, len(names))
    tg = np.broadcast_to(holder, legal.shape)
    tc = np.maximum(holder, 0)
    claim = t.menu.CLAIM_AGAINST + tc
    if not cells.shape[1]:
        t.board.put("remove", 0.0, legal, keep=False, target=tg, arg=np.arange(g.K),
                    group=tc, cost=2.0, claim=claim)
        return
    # each body reads the motions on the posts it disposes of (the Postscript's verdict on the
    # General Secretary is no seat's: defiance.testament_verdict)
    share = np.concatenate([_read(t, cells[[0, 1, 3], i:j], body, takes=cells[4, i:j] == 0)
                            for body, i, j in zip(names, first[:-1], first[1:])])
    v, keep = _value(t, "remove", "remove_from_post", cells, share, gain, ramp)
    t.board.put("remove", v, legal, keep=keep, target=tg, arg=np.arange(g.K), group=tc,
                cost=2.0, claim=claim)


def _body_groups(t: "Turn", what: str, names) -> tuple:
    """(the distinct bodies that vote on ``names(g)`` this turn, [n] each one's among them):
    ``_bodies`` worked out once per game and kind of sitting."""
    memo = _BODIES.setdefault(t.g, {})
    key = ("groups", what, t.ctx.sitting_kind)
    if key not in memo:
        bodies = _bodies(t, what, names)
        names = sorted(set(bodies.tolist()))
        memo[key] = names, np.array([names.index(b) for b in bodies], dtype=np.int64)
    return memo[key]


@kernel
def _removals(terms, member, open_to_motions, holder, danger, verdict, forfeit, testament,
              post_value, keep_post, esc, column_body, n_bodies):
    """([B,N,K] each leader may move to take each post from its ``holder`` [B,K], what it
    would gain him where he wants to, his appetite for it (``terms``: ``_appetite_terms``, at
    the step ``esc``) where it is read, [5,W] the cells he wants it at (rows b, n, k, the
    holder, the Postscript's ``testament`` verdict), grouped by the body that votes on the post
    (``column_body`` [K], one of ``n_bodies``) and in order within each, [n_bodies + 1] where
    each group starts): a man he fears, or one who defies the party's ``verdict`` [B,K], once
    the post is ``forfeit`` (``_posts_forfeit``) and his appetite is there."""
    lead, rho, focus, allied, human = terms[0], terms[1], terms[2], terms[5], terms[6]
    B, K = holder.shape
    N = lead.shape[0]
    legal = np.zeros((B, N, K), np.bool_)
    want = np.zeros((B, N, K), np.bool_)
    gain = np.zeros((B, N, K))
    ramp = np.zeros((B, N, K))
    first = np.zeros(n_bodies + 1, np.int64)
    games = np.zeros(B, np.bool_)             # he wants some post taken in the game
    for b in range(B):
        for n in range(N):
            me = lead[n]
            for k in range(K):
                h = holder[b, k]
                if h < 0 or not (member[b, me, _PB] and open_to_motions[b, h]) or h == me:
                    continue
                legal[b, n, k] = True
                r = rho[b, n, h] * danger[b, n, h]
                if not ((r > F(0.2) or verdict[b, k]) and rho[b, n, h] >= focus[n]):
                    continue
                ramp[b, n, k] = _appetite(terms, n, 0.35 * pace(terms, b, n, h), esc,
                                          _partner(allied, b, me, h), human[h])
                if ramp[b, n, k] > 0 and forfeit[b, n, k]:
                    want[b, n, k] = True
                    gain[b, n, k] = post_value[k] * (r + F(0.4)) + 0.05 * keep_post[n, k]
                    first[column_body[k] + 1] += 1
                    games[b] = True
    for i in range(n_bodies):
        first[i + 1] += first[i]
    cells = np.empty((5, first[n_bodies]), np.int64)
    at = first[:-1].copy()
    for b in range(B):
        if not games[b]:
            continue
        for n in range(N):
            for k in range(K):
                if want[b, n, k]:
                    c = at[column_body[k]]
                    cells[0, c], cells[1, c], cells[2, c] = b, n, k
                    cells[3, c], cells[4, c] = holder[b, k], testament[b, n, k]
                    at[column_body[k]] += 1
    return legal, gain, ramp, cells, first


def promote(t: "Turn") -> None:
    g, s, ctx = t.g, t.s, t.ctx
    seat = politburo_vacancies(g, s) > 0                         # the engine's rule of seats
    best, legal, gain, ramp, cells = _promotions(
        ctx.lead, s.patron, _c(ctx.allied), s.member, ctx.act, s.fell_turn, s.prestige,
        s.loyalty, seat, ctx.pb_share, _c(t.ag.majority), _c(t.ch.patience, dtype=np.float64),
        float(ctx.progress))
    if not cells.shape[1]:
        return
    # the plenum weighs the man put up as well as the sponsor (the engine's promotion names no
    # target: the man proposed rides in its arg2; reading it as a duel with him took his
    # enemies' votes for the motion and his friends' against it)
    share = _c(t.fc.promotion(cells[0], cells[1], cells[3]), dtype=F)
    v, keep = _value(t, "promote", "promote", cells, share, gain, ramp)
    # where the Politburo has a number of seats, a promotion claims a seat: one a game a month
    t.board.put("promote", v, legal, keep=keep, target=best,
                claim=t.menu.CLAIM_PROMOTE + (0 if g.seats_limited else best))


@kernel
def _promotions(lead, patron, allied, member, act, fell_turn, prestige, loyalty, seat, pb_share,
                majority, patience, progress):
    """([B,N,1] the man each leader would put up for the Politburo, he may, what it would
    gain him, [1,N,1] his appetite for it now, [4,C] (b, n, 0, the man) where he may): the
    most prestigious and loyal of his clients and allies (``allied``: Context.allied) in the
    Committee."""
    B, P = patron.shape
    N = lead.shape[0]
    C = 0
    best = np.zeros((B, N, 1), np.int64)
    legal = np.zeros((B, N, 1), np.bool_)
    gain = np.zeros((B, N, 1))
    # packing the Politburo with one's men is a move in the struggle, and waits for his
    # patience as a motion against a rival does (the Politburo kept its six or seven members
    # until 1926; without it the rivals had elected five more in 1922)
    ramp = np.empty((1, N, 1))
    for n in range(N):
        ramp[0, n, 0] = _past(progress, 0.35 * patience[n])
    for b in range(B):
        n_pb = F(0.0)
        for p in range(P):
            if member[b, p, _PB] and act[b, p]:
                n_pb += F(1.0)
        for n in range(N):
            top, top_score, top_ok = 0, F(-1.0), False
            for p in range(P):
                # ...never a man the Central Committee has put out of the Politburo (none came
                # back in the 1920s; without it allies re-elected whom Stalin had just removed,
                # month after month)
                ok = (patron[b, p] == lead[n] or allied[b, lead[n], p]) and \
                    not member[b, p, _PB] and member[b, p, _CC] and act[b, p] and \
                    fell_turn[b, p] < 0 and p != lead[n]
                score = prestige[b, p] * min(max(loyalty[b, p], F(0.3)), F(1.0)) if ok \
                    else F(-1.0)
                if p == 0 or score > top_score:
                    top, top_score, top_ok = p, score, ok
            best[b, n, 0] = top
            legal[b, n, 0] = member[b, lead[n], _PB] and top_ok and seat[b]
            if not legal[b, n, 0]:
                continue
            C += 1
            mine = pb_share[b, lead[n]] * n_pb
            more = (mine + 1.0) / (n_pb + F(1.0)) - mine / max(n_pb, F(1.0))
            g = 0.25 * more * (1.0 + 1.5 * majority[n])
            # a safe majority needs no more men, and a Politburo of a dozen is already large
            g = g * (0.2 if pb_share[b, lead[n]] > 0.6 else 1.0) * \
                min(max((F(12.0) - n_pb) / F(3.0), F(0.0)), F(1.0))
            gain[b, n, 0] = g
    cells = np.empty((4, C), np.int64)
    c = 0
    for b in range(B):
        for n in range(N):
            if legal[b, n, 0]:
                cells[0, c], cells[1, c], cells[2, c], cells[3, c] = b, n, 0, best[b, n, 0]
                c += 1
    return best, legal, gain, ramp, cells


def testament(t: "Turn") -> None:
    g, s, ctx = t.g, t.s, t.ctx
    f = g.fidx
    open_q = s.flags[:, f["testament_written"]] & ~s.flags[:, f["testament_published"]] & \
        ~s.flags[:, f["testament_suppressed"]]
    if not open_q.any():
        return
    lead, gs = ctx.lead, ctx.gensec                                               # gs: [B]
    legal, cells = _testament_cells(open_q, s.member, lead, _c(gs, dtype=np.int64))
    body = _body(t, "congress")
    # publish (a motion against the General Secretary), suppress (a line), read apart
    pub = _read(t, cells, body, personal=False, bureaucratic=-0.5)
    C = cells.shape[1]
    sup = _c(t.fc.line(cells[0], cells[1], np.broadcast_to(_SUPPRESS, (C, 3)),
                       np.full(C, 0.5, dtype=F), body), dtype=F)
    dmg = g.params["testament_prestige"] * g.mod["testament_damage"][np.maximum(gs, 0)]
    loss, need = t.settle_terms
    err = t.draws("misjudge", "testament") if t.dif.misjudge else _EXACT
    v, keep = _testament_values(
        cells, pub, sup, err, t.dif.misjudge, ctx.rho, _c(ctx.allied), lead, gs,
        _c(dmg, dtype=np.float64), _c(open_quarrel(t) * t.ch.aggression, dtype=np.float64),
        loss, need, t.weight("testament"))
    t.board.put("testament", v, legal, keep=keep, target=_TESTAMENT_TARGET,
                arg=_TESTAMENT_ARG, cost=2.0, group=t.menu.GROUP_TESTAMENT,
                claim=t.menu.CLAIM_TESTAMENT)


_SUPPRESS = np.array([0.0, 1.0, 0.0], dtype=F)     # the line of a motion to suppress it
_TESTAMENT_TARGET, _TESTAMENT_ARG = np.array([-1, -1]), np.array([0, 1])   # publish, suppress


@kernel
def _testament_cells(open_q, member, lead, gensec):
    """([B,N,1] each leader may move to publish or suppress the Testament: it is written and
    neither yet, he sits in the Committee and there is a General Secretary; [3,C] (b, n, the
    General Secretary) where he may, in order)."""
    B, N = open_q.shape[0], lead.shape[0]
    legal = np.zeros((B, N, 1), np.bool_)
    C = 0
    for b in range(B):
        for n in range(N):
            legal[b, n, 0] = open_q[b] and member[b, lead[n], _CC] and gensec[b] >= 0
            C += legal[b, n, 0]
    cells = np.empty((3, C), np.int64)
    c = 0
    for b in range(B):
        for n in range(N):
            if legal[b, n, 0]:
                cells[0, c], cells[1, c], cells[2, c] = b, n, gensec[b]
                c += 1
    return legal, cells


@kernel
def _testament_values(cells, pub, sup, err, misjudge, rho, allied, lead, gensec, dmg, quarrel,
                      loss, need, weight):
    """([B,N,2] what moving to publish (0) and to suppress (1) the Testament is worth where he
    may (``cells``: ``_testament_cells``), whether it is worth considering): publishing hurts
    the General Secretary by the prestige it costs him (``dmg``), as the mover fears him, and
    is a quarrel in the open, which waits for his patience (``quarrel``: open_quarrel times
    his aggression) - never the General Secretary's own; suppressing it is worth it to the
    General Secretary and his friends. ``pub``, ``sup``: the expected shares (one a cell)."""
    B, N = rho.shape[0], lead.shape[0]
    out = np.zeros((B, N, 2))
    keep = np.zeros((B, N, 2), np.bool_)
    for c in range(cells.shape[1]):
        b, n, x = cells[0, c], cells[1, c], cells[2, c]
        r = rho[b, n, x]
        is_gs = lead[n] == gensec[b]
        friend = allied[b, lead[n], x]
        for j in range(2):
            if j == 0:
                gain = r * KAPPA * dmg[b] + F(0.01) * r
                p = _chance(pub[c], _at(err, b, n, 0), misjudge, F(0.5))
            else:
                gain = 0.08 * is_gs + 0.03 * friend - F(0.05) * r
                p = _chance(sup[c], _at(err, b, n, 1), misjudge, F(0.5))
            v = _settle(p, gain, _at(loss, b, n, j), _at(need, b, n, j)) * _at(weight, b, n, j)
            if j == 0:
                v = v * (0.0 if is_gs else quarrel[n])
            out[b, n, j] = v
            keep[b, n, j] = v > 0
    return out, keep


def propose(t: "Turn") -> None:
    """Resolutions and policies: the line, the role's aims, the economy, who gains standing."""
    g, ag = t.g, t.ag
    M = len(g.motion_ids)
    if not M:
        return
    legal, top, gain, cells = _lines(*_line_terms(t), *_line_legality(t), min(TOP_K, M))
    cb, cn, ci, cm = cells
    if not len(cb):
        t.board.put("propose", 0.0, legal, keep=False, arg=np.arange(M))
        return
    bodies = _bodies(t, "motions", _motion_bodies)
    share = _c(t.fc.line(cb, cn, ag.unit[cm], ag.bureaucratic[cm], bodies[cm]), dtype=F)
    # the error is drawn per candidate column, at the columns each game reads
    if t.dif.misjudge:
        cols, slot = _columns(cb, cn, cm, t.s.batch, len(t.ctx.lead))
        err = t.draws_at("misjudge", "propose", cols)
    else:
        err, slot = _EXACT, ci
    loss, need = t.settle_terms
    v, keep = _line_values(cb, cn, ci, cm, slot, share, err, t.dif.misjudge, gain, loss, need,
                           t.weight("propose"), M)
    t.board.put("propose", v, legal, keep=keep, arg=np.arange(M), claim=_line_claims(t))


def _motion_bodies(g) -> list:
    return [m.body for m in g.scenario.motions]


_CLAIMS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _line_claims(t: "Turn") -> np.ndarray:
    """[M] what each motion claims (the board's CLAIM_LINE keys): its lever, or itself for a
    resolution (fixed by the scenario: worked out once per game)."""
    key = _CLAIMS.get(t.g)
    if key is None:
        ag, M = t.ag, len(t.g.motion_ids)
        key = _CLAIMS[t.g] = t.menu.CLAIM_LINE + np.where(ag.policy >= 0, ag.policy,
                                                          t.g.Q + np.arange(M))
    return key


def _line_legality(t: "Turn") -> tuple:
    """What makes a line legal to table, for ``_lines``: (the leader sits in the Politburo
    [B,N], the motion is a line [M], it may be tabled now [B,M])."""
    ctx = t.ctx
    return ctx.in_pb[:, ctx.lead], t.ag.is_line, t.motion_open


@kernel
def _line_values(cb, cn, ci, cm, slot, share, err, misjudge, gain, loss, need, weight, M):
    """([B,N,M] float32 what tabling each line read is worth, -1 elsewhere (never kept),
    whether it is worth considering): the cells ``cb``, ``cn``, ``ci`` (``_lines``) are the
    lines ``cm`` each leader wants, of ``gain`` [B,N,k] (``_lines``), read at the expected
    ``share`` (one a cell), the error at [b, n, ``slot``] (``_columns``)."""
    B, N = gain.shape[0], gain.shape[1]
    out = np.full((B, N, M), F(-1.0))
    keep = np.zeros((B, N, M), np.bool_)
    for c in range(cb.shape[0]):
        b, n, i, m = cb[c], cn[c], ci[c], cm[c]
        p = _chance(share[c], _at(err, b, n, slot[c]), misjudge, F(0.5))
        v = _settle(p, gain[b, n, i], _at(loss, b, n, m), _at(need, b, n, m))
        out[b, n, m] = v * _at(weight, b, n, m)
        keep[b, n, m] = out[b, n, m] > 0
    return out, keep


def _line_gain(t: "Turn") -> np.ndarray:
    """[B,N,M] what each motion's line would gain each leader if adopted (float32), whether
    he may table it or not: ``_lines`` of every line, as if open to everyone."""
    s, M = t.s, len(t.g.motion_ids)
    N = len(t.ctx.lead)
    _, top, gain, _ = _lines(*_line_terms(t), np.ones((s.batch, N), dtype=bool),
                             np.ones(M, dtype=bool), np.ones((s.batch, M), dtype=bool), M)
    out = np.empty((s.batch, N, M), dtype=F)
    np.put_along_axis(out, top, gain, axis=2)
    return out


def _line_terms(t: "Turn") -> tuple:
    """What a line's gain is worked out from, for ``_lines``."""
    s, ctx, ag = t.s, t.ctx, t.ag
    q = np.maximum(ag.policy, 0)
    return (s.ideology, ctx.lead, ag.unit, ag.step, q, np.maximum(ag.option, 0),
            ag.policy >= 0, ag.stands, s.policy, s.policy_turn, s.turn, t.g.turn_months,
            ag.mood, ag.stands_mood, _c(t.ch.principle, dtype=np.float64), t.wants,
            ag.prestige, ctx.rho, _c(s.ind[:, _IND_MOOD]), _c(ag.want_ind[:, _IND_MOOD]),
            t.motion_done(), t.serves_flag, KAPPA, OPPOSED)


@kernel
def _lines(ideology, lead, unit, is_step, q, o, has, stands, policy, policy_turn, turn, months,
           mood, stands_mood, principle, wants, prestige, rho, peasant_mood, wants_calm, done,
           serves, kappa, opposed, sponsor, is_line, motion_open, k):
    """([B,N,M] each leader may table each line (a Politburo member, a line, open now), [B,N,k]
    the ``k`` lines of greatest gain he may table (the first of equals first; then the lines
    he may not), what each would gain him if adopted (float32, where he may; 0 elsewhere),
    (b, n, i, motion) the cells of those worth the bother, in order): the gain is worked out
    only where he may table the line."""
    B, N, M = ideology.shape[0], lead.shape[0], unit.shape[0]
    O = stands.shape[1]
    legal = np.zeros((B, N, M), np.bool_)
    top = np.zeros((B, N, k), np.int64)
    gain_top = np.zeros((B, N, k), F)
    want = np.zeros((B, N, k), np.bool_)
    pre = np.empty(M, F)
    settled = np.empty(M)
    # the men whose standing each motion moves: few, listed once
    moved = np.zeros(M + 1, np.int64)
    for m in range(M):
        moved[m + 1] = moved[m] + np.count_nonzero(prestige[m])
    who = np.empty(moved[M], np.int64)
    for m in range(M):
        i = moved[m]
        for p in range(prestige.shape[1]):
            if prestige[m, p] != 0:
                who[i] = p
                i += 1
    wanted = 0
    for b in range(B):
        # the economy: calm the villages when the alliance with the peasants is in danger
        crisis = min(max((F(45.0) - peasant_mood[b]) / F(25.0), F(0.0)), F(1.0))
        # how far views alone are a reason to reverse each line in force (value_actions.settled)
        for m in range(M):
            settled[m] = settled_at(policy_turn[b, q[m]], turn, months)
        for n in range(N):
            me = lead[n]
            if not sponsor[b, n]:
                # nothing he may table: the first k lines, none wanted
                for i in range(k):
                    top[b, n, i] = i
                continue
            for m in range(M):
                legal[b, n, m] = is_line[m] and motion_open[b, m]
                pre[m] = F(-1.0)
                if not legal[b, n, m]:
                    continue
                cur = policy[b, q[m]]
                cur = cur + O if cur < 0 else cur
                align, calm, lean = _views(ideology, b, me, m, unit, is_step, q, o, stands, cur,
                                           settled, mood, stands_mood)
                gain = 0.015 * principle[n] * align
                # the role's aims about policies: worth the step from what stands to what is
                # tabled, nothing from one wanted option to another (else a role wanting either
                # would switch between them month after month)
                if has[m]:
                    gain += F(0.05) * (wants[n, q[m], o[m]] - max(wants[n, q[m], cur], F(0.0)))
                # who gains or loses standing by it
                feared = F(0.0)
                for i in range(moved[m], moved[m + 1]):
                    feared += prestige[m, who[i]] * rho[b, n, who[i]]
                gain += kappa * (prestige[m, me] - feared)
                calming = F(0.03) * (crisis + F(0.3) * wants_calm[n]) * calm
                # ...but, until the alliance itself is at stake (the mood at 20), only towards
                # a step his own views do not oppose: a man does not give up his line for the
                # villages' sake (002: Stalin "wanted to seize the grain by force", Bukharin
                # "advocated persuasion instead of force"). Before, the computer Stalin tabled
                # the return to the market or to persuasion himself at the first opening after
                # his own extraordinary measures, in most games
                if not (lean < 0 and calming > 0 and crisis < 1):
                    gain += calming
                # a flag the role's aims want set or cleared, as a policy it wants in force
                if serves[b, n, m]:
                    gain += 0.05
                # nor does he table a line his own views stand against, whatever it would bring
                # him: the Platform of the Opposition was the Opposition's, and Stalin, who
                # took up its pace of industry in 1928-29, did it by his own Plan (003: "Stalin
                # was later forced to adopt in a caricature form many of the policies of the
                # Left Opposition"). Before, the computer Stalin moved the Platform of the
                # Opposition himself in half the campaigns, median 1928-09, for the investment
                # it raises
                if lean < -F(opposed):
                    gain = min(gain, 0.0)
                # a done deed is not worth doing again
                if done[b, m]:
                    gain *= 0.1
                # an adopted motion earns its mover a point of prestige (the engine's rule): a
                # reason to move a motion worth moving, not one to move any motion that will
                # pass
                pre[m] = gain + kappa if gain > 0 else gain
            for i in range(k):
                best = -1
                for m in range(M):
                    if best >= 0 and not pre[m] > pre[best]:
                        continue
                    taken = False
                    for h in range(i):
                        taken |= top[b, n, h] == m
                    if not taken:
                        best = m
                top[b, n, i] = best
                gain_top[b, n, i] = pre[best] if legal[b, n, best] else F(0.0)
                want[b, n, i] = pre[best] > F(ACT_MIN)
                wanted += want[b, n, i]
    return legal, top, gain_top, _cells(want, wanted, top)


@kernel
def _cells(want, count, top):
    """(b, n, i, top[b, n, i]) of the ``count`` cells ``want`` [B,N,k] holds, in order."""
    cb, cn = np.empty(count, np.int64), np.empty(count, np.int64)
    ci, cm = np.empty(count, np.int64), np.empty(count, np.int64)
    c = 0
    for b in range(want.shape[0]):
        for n in range(want.shape[1]):
            for i in range(want.shape[2]):
                if want[b, n, i]:
                    cb[c], cn[c], ci[c], cm[c] = b, n, i, top[b, n, i]
                    c += 1
    return cb, cn, ci, cm


@kernel
def _views(ideology, b, me, m, unit, is_step, q, o, stands, cur, settled, mood, stands_mood):
    """(how far motion ``m``'s line is the views of person ``me`` in game ``b``, weighed by
    how far the line in force has settled in the game (``settled`` [M]: value_actions.
    settled); how it moves the peasants' mood; the first unweighed). A policy motion is read
    as the step from the option in force (``cur``) to the one tabled: what it says less what
    the standing option says.
    Read as its line alone, every option a man leaned towards was worth moving whenever another
    stood - Tomsky tabled 'Extend the NEP' and 'Maintain the NEP' in turn, Kamenev the
    Comintern's offensive and the united front, each lever reversed every six months it was
    open."""
    if not is_step[m]:
        line = _dot3(ideology, b, me, unit[m])
        return np.float64(line), mood[m], line
    step = _dot3(ideology, b, me, stands[q[m], o[m]]) - _dot3(ideology, b, me, stands[q[m], cur])
    return step * settled[m], mood[m] - stands_mood[q[m], cur], step


@kernel
def _dot3(ideology, b, p, v):
    """Person ``p``'s views in game ``b`` along the direction ``v`` (float32, the axes added
    in order)."""
    return ideology[b, p, 0] * v[0] + ideology[b, p, 1] * v[1] + ideology[b, p, 2] * v[2]
