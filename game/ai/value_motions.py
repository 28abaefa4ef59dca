"""What motions are worth: the gain if the vote is won, weighed by the chance of winning it.

Every motion's chance comes from the forecast (game.ai.forecast): the share of votes the
leader expects, read with the error his difficulty allows, against the share the motion needs.
A leader moves only when that chance clears his caution; motions against rivals also wait for
his patience, or his bloc's (not before a share of the game has passed), and scale with his
aggression.

Each block is valued in two compiled loops (game.engine.jit) around the forecast, which stays
a whole-array reading: the first finds, game by game and leader by leader, which motions are
wanted and what each would gain; the forecast reads the shares of those alone; the second
(``_values``) weighs each wanted motion's gain by its chance.
"""
from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

import numpy as np

from ..engine import defiance
from ..engine.actions import POWERS
from ..engine.arith import along_last, clip, distinct
from ..engine.jit import kernel
from ..engine.legality import condemn_open, politburo_vacancies
from ..engine.state import BODY, IND
from .forecast import body_for
from .value_actions import ACT_MIN, KAPPA, open_quarrel, settled

if TYPE_CHECKING:
    from .rivals import Turn

F = np.float32
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
def _values(want, share, err, misjudge, need_share, gain, ramp, loss, need, weight):
    """[B,N,T] what each wanted motion is worth (0 where none is wanted: never kept), from its
    expected ``share`` against ``need_share`` (error ``misjudge`` * ``err``), its ``gain``, his
    ``loss`` and ``need`` (Turn.settle_terms), his appetite ``ramp`` for a motion against a
    rival now and his character's ``weight`` for the kind. The inputs but ``want`` broadcast
    as in NumPy (an axis of length 1)."""
    B, N, T = want.shape
    out = np.zeros((B, N, T))
    for b in range(B):
        for n in range(N):
            for j in range(T):
                if not want[b, n, j]:
                    continue
                p = _chance(_at(share, b, n, j), _at(err, b, n, j), misjudge,
                            _at(need_share, b, n, j))
                v = _settle(p, _at(gain, b, n, j), _at(loss, b, n, j), _at(need, b, n, j))
                out[b, n, j] = v * _at(ramp, b, n, j) * _at(weight, b, n, j)
    return out


def _value(t: "Turn", block: str, kind: str, want: np.ndarray, share: np.ndarray,
           gain: np.ndarray, ramp: np.ndarray = _WHOLE, need: np.ndarray = _HALF) -> np.ndarray:
    """[B,N,T] ``_values`` of the block's wanted motions: the error is drawn per candidate
    column of the block; ``ramp`` scales a motion against a rival by his appetite for it now."""
    loss, need_p = t.settle_terms
    err = t.draws("misjudge", block) if t.dif.misjudge else _EXACT
    return _values(want, share, err, t.dif.misjudge, need, gain, ramp, loss, need_p,
                   t.weight(kind))


_BODIES: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _bodies(t: "Turn", what: str, names) -> np.ndarray:
    """The bodies that vote on ``names`` this turn: fixed by the scenario and the kind of
    sitting (if any) this turn, so worked out once per game and kind."""
    memo = _BODIES.setdefault(t.g, {})
    key = (what, t.ctx.sitting_kind)
    if key not in memo:
        memo[key] = np.array([_body(t, b) for b in names])
    return memo[key]


def _body(t: "Turn", body: str) -> str:
    return body_for(t.g, t.s.turn, body)


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


def _appetite_terms(t: "Turn") -> tuple:
    """What ``pace`` and ``_appetite`` read, for the kernels: (lead, rho, focus, patience,
    ready partners, allied leaders, human, aggression, progress, urgency, mercy)."""
    ctx, ch, dif = t.ctx, t.ch, t.dif
    return (ctx.lead, ctx.rho, np.ascontiguousarray(t.focus[0, :, 0]),
            np.ascontiguousarray(ch.patience, dtype=np.float64),
            np.ascontiguousarray(t.ready_partners), np.ascontiguousarray(t.allied_leaders),
            ctx.human, np.ascontiguousarray(ch.aggression, dtype=np.float64),
            float(ctx.progress), float(dif.urgency), float(dif.mercy))


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
def _partner(allied, b, n, target):
    """``target`` (a person; -1: nobody) sits in a bloc with leader ``n`` in game ``b``
    (``allied``: Turn.allied_leaders): he is not moved against. A man turns on an ally by
    leaving their bloc first (001: "Later, in 1928, having defeated the Left, Stalin turned on
    Bukharin"; the Right left the majority over the grain, 002). Before, the computer Stalin
    took Pravda and the unions from Bukharin and Tomsky while they sat with him in the
    Stalin-Bukharin majority against the Leningrad Opposition."""
    return target >= 0 and allied[b, n, target]


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
                                         _partner(allied, b, n, x), human[max(x, 0)])
    return out


def _ramp(t: "Turn", step: str, target) -> np.ndarray:
    """[B,N,T] appetite for the ``step`` of a campaign against ``target`` persons ([T] or
    [B,1,T]; -1: nobody) now (``_appetite``)."""
    target = np.asarray(target)
    targets = np.ascontiguousarray(target.reshape(-1, target.shape[-1]), dtype=np.int64)
    return _ramps(_appetite_terms(t), targets, ESCALATION[step])


def focus(ch) -> np.ndarray:
    """[1,N,1] how near the greatest threat a man must be to be moved against: a principled
    leader fights only his chief enemy, an unprincipled one whoever he can beat (the same
    every turn: see Rivals)."""
    return clip(0.55 + 0.25 * ch.principle, 0.6, 0.95)[None, :, None]


def _read(t: "Turn", want: np.ndarray, target: np.ndarray, body: str, personal: bool = True,
          bureaucratic: float = 0.0, takes=False) -> np.ndarray:
    """[B,N,T] the share of votes each wanted motion against ``target`` would win (0 where
    not wanted): the forecast reads only the motions worth reading. ``takes`` (a bool or an
    array that broadcasts to ``want``): the motion takes a post or seat (Forecast.duel)."""
    out = np.zeros(want.shape, dtype=F)
    b, n, j = np.nonzero(want)
    if len(b):
        tg = np.broadcast_to(target, want.shape)[b, n, j]
        tk = np.broadcast_to(takes, want.shape)[b, n, j] if np.ndim(takes) else takes
        out[b, n, j] = t.fc.duel(b, n, tg, body, personal, bureaucratic, tk)
    return out


def against_leaders(t: "Turn") -> None:
    """Condemn, demote, expel: the motions against another leader, on one forecast each."""
    g, s, ctx = t.g, t.s, t.ctx
    lead = ctx.lead
    N = len(lead)
    # a man defies the party (defiance.defiant) or has recanted (defiance.submitted); he has
    # breached the ban after his views were condemned (defiance.breached)
    (legal, demote_ok, level, want_c, want_e, want_d, ramp, ramp_e, ramp_d, gain_c, gain_e,
     gain_d, need_e) = _campaigns(
        _appetite_terms(t), ctx.in_pb[:, lead], t.open_to_motions, s.member, ctx.danger,
        s.prestige, ctx.faction, np.ascontiguousarray(ctx.ban), defiance.defiant(g, s),
        defiance.submitted(s), np.ascontiguousarray(t.ag.out_pb), condemn_open(g, s),
        defiance.breached(g, s, ctx.faction), _ruthless(t),
        (np.zeros(N, dtype=bool) | _verdict_due(t, lead)).reshape(N),
        s.bloc, ctx.majority, ctx.opposition, g.bloc_open_to, ctx.bits,
        float(g.params["condemn_prestige"]), float(g.params["cc_expel_majority"]))
    tg = lead[None, None, :]                                 # [1,1,T]: each leader
    level = level[:, None, :]
    condemn_body = _body(t, "congress")
    # a verdict is read apart from the motions that take a seat, which weigh whether the party
    # has passed one (votes._verdict)
    in_cc = condemn_body == "central_committee"
    cc = _read(t, want_d | (want_e & (level < 2)), tg, "central_committee", takes=True)
    other = _body(t, "congress") if ctx.sitting is not None else "joint_plenum"
    sit = _read(t, want_e & (level == 2), tg, other, takes=True)
    said = _read(t, want_c, tg, "central_committee" if in_cc else other)
    claim = t.menu.CLAIM_AGAINST + tg
    # each block is valued only where some motion in it is wanted: elsewhere its values are
    # never read (kept nowhere), and a block wanted nowhere - most months - is put as such
    v = _value(t, "condemn", "condemn", want_c, said, gain_c, ramp) if want_c.any() else 0.0
    t.board.put("condemn", v, legal, keep=want_c & (v > 0), target=tg, group=tg, claim=claim)
    # expel from the Politburo, the Central Committee, the party
    v = _value(t, "expel", "expel", want_e, np.where(level < 2, cc, sit), gain_e, ramp_e,
               need_e) if want_e.any() else 0.0
    t.board.put("expel", v, legal, keep=want_e & (v > 0), target=tg, arg=level, group=tg,
                cost=2.0, claim=claim)
    # demote to candidate member
    if "demote" in t.menu.blocks:
        v = _value(t, "demote", "demote", want_d, cc, gain_d, ramp_d) if want_d.any() else 0.0
        t.board.put("demote", v, demote_ok, keep=want_d & (v > 0), target=tg, group=tg,
                    claim=claim)


@kernel
def _campaigns(terms, sponsor, open_to_motions, member, danger, prestige, faction, ban, defies,
               yielded, out_pb, open_c, breached, ruthless, due, bloc, majority, opposition,
               open_to, bits, condemn_prestige, cc_expel_majority):
    """Each leader's campaign against each other leader (``terms``: ``_appetite_terms``):
    ([B,N,T] legal, demote legal, [B,T] where the man sits (0: the Politburo or its
    candidates, 1: the Committee, 2: the party), [B,N,T] condemn, expel and demote wanted, the
    appetite for each, the gain of each (where wanted), [B,1,T] the share an expulsion needs)."""
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
        for n in range(N):
            ruling[n] = False
            for l in range(L):
                ruling[n] |= bloc[b, l, lead[n]] and majority[b, l]
        for n in range(N):
            for j in range(N):
                x = lead[j]
                if not (sponsor[b, n] and open_to_motions[b, x] and x != lead[n]):
                    continue
                legal[b, n, j] = True
                lv = level[b, j]
                in_pb = member[b, x, _PB]
                demote_ok[b, n, j] = in_pb
                # the appetite for each step (_appetite), the expulsion's step read from
                # where the man sits
                waited = 0.35 * pace(terms, b, n, x)
                partner = _partner(allied, b, n, x)
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
                foreign = False
                for l in range(L):
                    foreign |= bloc[b, l, x] and opposition[b, l] and not open_to[l, lead[n]]
                if foreign and ban[b] and ruling[n] and not partner:
                    full = (mercy if human[x] else 1.0) * aggression[n]
                    ramp[b, n, j] = max(ramp[b, n, j], full)
                standing = min(max((prestige[b, x] - F(20.0)) / F(30.0), F(0.0)), F(1.0))
                wants_c = open_c[b, x] and ramp[b, n, j] > 0 and due[j] and (
                    (focused and r > F(0.5) and (fac or standing > F(0.5))) or unseated)
                want_c[b, n, j] = wants_c
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
    return (legal, demote_ok, level, want_c, want_e, want_d, ramp, ramp_e, ramp_d, gain_c,
            gain_e, gain_d, need_e)


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


def _posts_forfeit(t: "Turn", holder: np.ndarray, defied: np.ndarray) -> np.ndarray:
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
    against the human player."""
    return defied | _ruthless_at(t, holder) | _testament(t)


def _testament(t: "Turn") -> np.ndarray:
    """[B,N,K] the post is the Secretariat and the Postscript, which asks the comrades to
    remove its holder, is a verdict on him: the Testament has been published, or the leader
    is Lenin, who wrote it (defiance.testament_verdict)."""
    lead = np.broadcast_to(t.ctx.lead[None, :], (t.s.batch, len(t.ctx.lead)))
    return defiance.testament_verdict(t.g, t.s, by=lead)


def remove(t: "Turn") -> None:
    g, s, ctx = t.g, t.s, t.ctx
    lead = ctx.lead
    holder = s.holder.astype(np.int64)[:, None, :]                               # [B,1,K]
    # the party's verdict is carried out against a man who defies it, however little he is
    # still to be feared: the Bukharin group, condemned in April 1929, lost Pravda and the
    # unions that spring though Stalin no longer had to fear them (001: "by 1929, he had
    # politically defeated and neutralised all his main rivals"). Before, a victor whose
    # standing had outgrown them left Tomsky the unions in 98 games in 100.
    verdict = _verdict_defied(t, holder)
    ramp = _ramp(t, "remove", holder)                                             # [B,N,K]
    legal, want, gain = _removals(ctx.in_pb[:, lead], t.open_to_motions, lead, holder[:, 0],
                                  ctx.rho, ctx.danger, np.ascontiguousarray(t.focus[0, :, 0]),
                                  ramp, np.ascontiguousarray(verdict[:, 0]),
                                  _posts_forfeit(t, holder, verdict), t.post_value,
                                  t.ag.keep_post)
    tg = np.broadcast_to(holder, legal.shape)
    tc = np.maximum(holder, 0)
    claim = t.menu.CLAIM_AGAINST + tc
    if not want.any():
        t.board.put("remove", 0.0, legal, keep=False, target=tg, arg=np.arange(g.K),
                    group=tc, cost=2.0, claim=claim)
        return
    share = np.zeros(legal.shape, dtype=F)
    bodies = _bodies(t, "posts", g.post_removed_by)
    for body in distinct(bodies):
        cols = bodies == body
        if want[:, :, cols].any():
            share[:, :, cols] = _read(t, want[:, :, cols], tg[:, :, cols], str(body),
                                      takes=~_testament(t)[:, :, cols])
    v = _value(t, "remove", "remove_from_post", want, share, gain, ramp)
    t.board.put("remove", v, legal, keep=want & (v > 0), target=tg, arg=np.arange(g.K),
                group=tc, cost=2.0, claim=claim)


@kernel
def _removals(sponsor, open_to_motions, lead, holder, rho, danger, focus, ramp, verdict,
              forfeit, post_value, keep_post):
    """([B,N,K] each leader may move to take each post from its ``holder`` [B,K], he wants
    to, what it would gain him where he does): a man he fears, or one who defies the party's
    ``verdict``, once the post is ``forfeit`` (``_posts_forfeit``) and his appetite (``ramp``)
    is there."""
    B, K = holder.shape
    N = lead.shape[0]
    legal = np.zeros((B, N, K), np.bool_)
    want = np.zeros((B, N, K), np.bool_)
    gain = np.zeros((B, N, K))
    for b in range(B):
        for n in range(N):
            for k in range(K):
                h = holder[b, k]
                if h < 0 or not (sponsor[b, n] and open_to_motions[b, h]) or h == lead[n]:
                    continue
                legal[b, n, k] = True
                r = rho[b, n, h] * danger[b, n, h]
                if (r > F(0.2) or verdict[b, k]) and rho[b, n, h] >= focus[n] and \
                        ramp[b, n, k] > 0 and forfeit[b, n, k]:
                    want[b, n, k] = True
                    gain[b, n, k] = post_value[k] * (r + F(0.4)) + 0.05 * keep_post[n, k]
    return legal, want, gain


def promote(t: "Turn") -> None:
    g, s, ctx = t.g, t.s, t.ctx
    lead = ctx.lead
    seat = politburo_vacancies(g, s) > 0                         # the engine's rule of seats
    best, legal, gain, ramp = _promotions(
        ctx.in_pb[:, lead], lead, s.patron, np.ascontiguousarray(t.allied_leaders),
        np.ascontiguousarray(ctx.in_pb), np.ascontiguousarray(ctx.in_cc), ctx.act,
        s.fell_turn, s.prestige, s.loyalty, seat, ctx.pb_share,
        np.ascontiguousarray(t.ag.majority), np.ascontiguousarray(t.ch.patience, dtype=np.float64),
        float(ctx.progress))
    if not legal.any():
        return
    # the plenum weighs the man put up as well as the sponsor (the engine's promotion names no
    # target: the man proposed rides in its arg2; reading it as a duel with him took his
    # enemies' votes for the motion and his friends' against it)
    share = np.zeros(legal.shape, dtype=F)
    b, n, _ = np.nonzero(legal)
    share[b, n, 0] = t.fc.promotion(b, n, best[b, n, 0])
    v = _value(t, "promote", "promote", legal, share, gain, ramp)
    # where the Politburo has a number of seats, a promotion claims a seat: one a game a month
    t.board.put("promote", v, legal, keep=(v > 0), target=best,
                claim=t.menu.CLAIM_PROMOTE + (0 if g.seats_limited else best))


@kernel
def _promotions(sponsor, lead, patron, allied, in_pb, in_cc, act, fell_turn, prestige, loyalty,
                seat, pb_share, majority, patience, progress):
    """([B,N,1] the man each leader would put up for the Politburo, he may, what it would
    gain him, [1,N,1] his appetite for it now): the most prestigious and loyal of his clients
    and allies in the Committee."""
    B, P = patron.shape
    N = lead.shape[0]
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
            if in_pb[b, p] and act[b, p]:
                n_pb += F(1.0)
        for n in range(N):
            top, top_score, top_ok = 0, F(-1.0), False
            for p in range(P):
                # ...never a man the Central Committee has put out of the Politburo (none came
                # back in the 1920s; without it allies re-elected whom Stalin had just removed,
                # month after month)
                ok = (patron[b, p] == lead[n] or allied[b, n, p]) and not in_pb[b, p] and \
                    in_cc[b, p] and act[b, p] and fell_turn[b, p] < 0 and p != lead[n]
                score = prestige[b, p] * min(max(loyalty[b, p], F(0.3)), F(1.0)) if ok \
                    else F(-1.0)
                if p == 0 or score > top_score:
                    top, top_score, top_ok = p, score, ok
            best[b, n, 0] = top
            legal[b, n, 0] = sponsor[b, n] and top_ok and seat[b]
            if not legal[b, n, 0]:
                continue
            mine = pb_share[b, lead[n]] * n_pb
            more = (mine + 1.0) / (n_pb + F(1.0)) - mine / max(n_pb, F(1.0))
            g = 0.25 * more * (1.0 + 1.5 * majority[n])
            # a safe majority needs no more men, and a Politburo of a dozen is already large
            g = g * (0.2 if pb_share[b, lead[n]] > 0.6 else 1.0) * \
                min(max((F(12.0) - n_pb) / F(3.0), F(0.0)), F(1.0))
            gain[b, n, 0] = g
    return best, legal, gain, ramp


def testament(t: "Turn") -> None:
    g, s, ctx = t.g, t.s, t.ctx
    f = g.fidx
    open_q = s.flags[:, f["testament_written"]] & ~s.flags[:, f["testament_published"]] & \
        ~s.flags[:, f["testament_suppressed"]]
    if not open_q.any():
        return
    lead = ctx.lead
    N = len(lead)
    gs = ctx.gensec                                                               # [B]
    legal = (open_q[:, None] & ctx.in_cc[:, lead] & (gs >= 0)[:, None])[..., None]
    body = _body(t, "congress")
    tgt = np.broadcast_to(np.maximum(gs, 0)[:, None, None], (s.batch, N, 1))
    pub = _read(t, legal, tgt, body, personal=False, bureaucratic=-0.5)
    sup = np.zeros(pub.shape, dtype=F)
    b, n, _ = np.nonzero(legal)
    if len(b):
        up = np.broadcast_to(np.array([0.0, 1.0, 0.0], dtype=F), (len(b), 3))
        sup[b, n, 0] = t.fc.line(b, n, up, np.full(len(b), 0.5, dtype=F), body)
    rho = along_last(ctx.rho, tgt)                               # [B,N,1]
    is_gs = (lead[None, :] == gs[:, None])[..., None]
    friend = ctx.allied[np.arange(s.batch)[:, None], lead[None, :], np.maximum(gs, 0)[:, None]]
    dmg = g.params["testament_prestige"] * g.mod["testament_damage"][np.maximum(gs, 0)]
    gain = np.concatenate([rho * KAPPA * dmg[:, None, None] + 0.01 * rho,
                           0.08 * is_gs + 0.03 * friend[..., None] - 0.05 * rho], axis=2)
    share = np.concatenate([pub, sup], axis=2)
    v = _value(t, "testament", "testament", np.ascontiguousarray(np.broadcast_to(legal, share.shape)),
               share, np.asarray(gain, dtype=np.float64))
    v[:, :, 0] *= open_quarrel(t) * t.ch.aggression[None, :] * (~is_gs[..., 0])
    t.board.put("testament", v, legal, keep=(v > 0), target=np.array([-1, -1]),
                arg=np.array([0, 1]), cost=2.0, group=t.menu.GROUP_TESTAMENT,
                claim=t.menu.CLAIM_TESTAMENT)


def propose(t: "Turn") -> None:
    """Resolutions and policies: the line, the role's aims, the economy, who gains standing."""
    g, ag, ctx = t.g, t.ag, t.ctx
    M = len(g.motion_ids)
    if not M:
        return
    gain = _line_gain(t)                                                           # [B,N,M]
    legal, top, want = _tops(gain, ctx.in_pb[:, ctx.lead], ag.is_line, t.motion_open,
                             min(TOP_K, M))                                        # [B,N,k]
    if not want.any():
        t.board.put("propose", 0.0, legal, keep=False, arg=np.arange(M))
        return
    bodies = _bodies(t, "motions", [m.body for m in g.scenario.motions])
    share = np.zeros(top.shape, dtype=F)
    b, n, j = np.nonzero(want)
    m = top[b, n, j]
    share[b, n, j] = t.fc.line(b, n, ag.unit[m], ag.bureaucratic[m], bodies[m])
    # the error is drawn per candidate column, at the columns each game reads
    err = t.draws_at("misjudge", "propose", top) if t.dif.misjudge else _EXACT
    loss, need = t.settle_terms
    v = _line_values(want, top, share, err, t.dif.misjudge, gain, loss, need,
                     t.weight("propose"))
    key = np.where(ag.policy >= 0, ag.policy, g.Q + np.arange(M))
    t.board.put("propose", v, legal, keep=(v > 0), arg=np.arange(M),
                claim=t.menu.CLAIM_LINE + key)


@kernel
def _tops(gain, sponsor, is_line, motion_open, k):
    """([B,N,M] each leader may table each line, [B,N,k] the ``k`` lines of greatest
    ``gain`` he may table (the first of equals first; then the lines he may not), [B,N,k]
    each is worth the bother)."""
    B, N, M = gain.shape
    legal = np.zeros((B, N, M), np.bool_)
    top = np.zeros((B, N, k), np.int64)
    want = np.zeros((B, N, k), np.bool_)
    pre = np.empty(M, F)
    for b in range(B):
        for n in range(N):
            for m in range(M):
                legal[b, n, m] = sponsor[b, n] and is_line[m] and motion_open[b, m]
                pre[m] = gain[b, n, m] if legal[b, n, m] else F(-1.0)
            for i in range(k):
                best = -1
                for m in range(M):
                    taken = False
                    for h in range(i):
                        taken |= top[b, n, h] == m
                    if not taken and (best < 0 or pre[m] > pre[best]):
                        best = m
                top[b, n, i] = best
                want[b, n, i] = pre[best] > F(ACT_MIN)
    return legal, top, want


@kernel
def _line_values(want, top, share, err, misjudge, gain, loss, need, weight):
    """[B,N,M] float32 what tabling each of the lines ``top`` (``_tops``) is worth where
    wanted, -1 elsewhere (never kept)."""
    B, N, M = gain.shape
    out = np.full((B, N, M), F(-1.0))
    for b in range(B):
        for n in range(N):
            for i in range(top.shape[2]):
                if not want[b, n, i]:
                    continue
                m = top[b, n, i]
                p = _chance(share[b, n, i], _at(err, b, n, i), misjudge, F(0.5))
                v = _settle(p, gain[b, n, m], _at(loss, b, n, m), _at(need, b, n, m))
                out[b, n, m] = v * _at(weight, b, n, m)
    return out


def _line_gain(t: "Turn") -> np.ndarray:
    """[B,N,M] what each motion's line would gain each leader if adopted (float32):
    ``_line_gains`` of the turn."""
    s, ctx, ag = t.s, t.ctx, t.ag
    q = np.maximum(ag.policy, 0)
    return _line_gains(s.ideology, ctx.lead, ag.unit, ag.step, q, np.maximum(ag.option, 0),
                       ag.policy >= 0, ag.stands, s.policy, settled(t, q), ag.mood,
                       ag.stands_mood, np.ascontiguousarray(t.ch.principle, dtype=np.float64),
                       t.wants, ag.prestige, ctx.rho, np.ascontiguousarray(s.ind[:, _IND_MOOD]),
                       np.ascontiguousarray(ag.want_ind[:, _IND_MOOD]), t.motion_done(),
                       t.serves_flag, KAPPA, OPPOSED)


@kernel
def _line_gains(ideology, lead, unit, is_step, q, o, has, stands, policy, settled, mood,
                stands_mood, principle, wants, prestige, rho, peasant_mood, wants_calm, done,
                serves, kappa, opposed):
    B, N, M = ideology.shape[0], lead.shape[0], unit.shape[0]
    O = stands.shape[1]
    out = np.empty((B, N, M), F)
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
    for b in range(B):
        # the economy: calm the villages when the alliance with the peasants is in danger
        crisis = min(max((F(45.0) - peasant_mood[b]) / F(25.0), F(0.0)), F(1.0))
        for n in range(N):
            me = lead[n]
            for m in range(M):
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
                out[b, n, m] = gain + kappa if gain > 0 else gain
    return out


@kernel
def _views(ideology, b, me, m, unit, is_step, q, o, stands, cur, settled, mood, stands_mood):
    """(how far motion ``m``'s line is the views of person ``me`` in game ``b``, weighed by
    how far the line in force has settled (value_actions.``settled``); how it moves the
    peasants' mood; the first unweighed). A policy motion is read as the step from the option
    in force (``cur``) to the one tabled: what it says less what the standing option says.
    Read as its line alone, every option a man leaned towards was worth moving whenever another
    stood - Tomsky tabled 'Extend the NEP' and 'Maintain the NEP' in turn, Kamenev the
    Comintern's offensive and the united front, each lever reversed every six months it was
    open."""
    if not is_step[m]:
        line = _dot3(ideology, b, me, unit[m])
        return np.float64(line), mood[m], line
    step = _dot3(ideology, b, me, stands[q[m], o[m]]) - _dot3(ideology, b, me, stands[q[m], cur])
    return step * settled[b, m], mood[m] - stands_mood[q[m], cur], step


@kernel
def _dot3(ideology, b, p, v):
    """Person ``p``'s views in game ``b`` along the direction ``v`` (float32, the axes added
    in order)."""
    return ideology[b, p, 0] * v[0] + ideology[b, p, 1] * v[1] + ideology[b, p, 2] * v[2]
