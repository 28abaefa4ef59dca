"""What motions are worth: the gain if the vote is won, weighed by the chance of winning it.

Every motion's chance comes from the forecast (game.ai.forecast): the share of votes the
leader expects, read with the error his difficulty allows, against the share the motion needs.
A leader moves only when that chance clears his caution; motions against rivals also wait for
his patience, or his bloc's (not before a share of the game has passed), and scale with his
aggression.
"""
from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

import numpy as np

from ..engine import defiance
from ..engine.actions import POWERS
from ..engine.arith import MAX_BITS, along_last, bits_of, clip, distinct, dot3
from ..engine.legality import condemn_open, politburo_vacancies
from ..engine.state import BODY, IND
from .forecast import body_for
from .value_actions import ACT_MIN, KAPPA, open_quarrel, person_ok, settled

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


def post_values(g) -> np.ndarray:
    """[K] what holding each post is worth, in standing."""
    v = 0.01 + 0.01 * g.post_ap + 0.002 * g.post_prestige
    for i, pw in enumerate(POWERS):
        v = v + POWER_VALUE.get(pw, 0.01) * g.post_powers[:, i]
    return v.astype(F)


def chance(t: "Turn", share: np.ndarray, need, block: str, cols=None) -> np.ndarray:
    """Chance the motion passes as the leader reads it (misjudged at easier levels): the
    error is drawn per candidate column (``cols`` [B,N,T] when they differ per game)."""
    if t.dif.misjudge:
        err = t.draws("misjudge", block) if cols is None else t.draws_at("misjudge", block, cols)
        share = share + t.dif.misjudge * err
    return 1.0 / (1.0 + np.exp(-(share - need) / 0.025))


def _settle(t: "Turn", block: str, kind: str, p, gain, ramp=None) -> np.ndarray:
    """Expected value of moving the motion (<= 0 when he is too unsure of the vote);
    ``ramp`` scales a motion against a rival by his appetite for it now."""
    loss, need = t.settle_terms
    v = p * gain - (1.0 - p) * loss
    v = np.where(p >= need, v, -1.0)
    if ramp is not None:
        v = v * ramp
    return v * t.weight(kind)


_BODIES: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _bodies(t: "Turn", what: str, names) -> np.ndarray:
    """The bodies that vote on ``names`` this turn: fixed by the scenario and the kind of
    sitting (if any) this turn, so worked out once per game and kind."""
    memo = _BODIES.setdefault(t.g, {})
    key = (what, t.ctx.sitting_kind)
    if key not in memo:
        memo[key] = np.array([_body(t, b) for b in names])
    return memo[key]


def _sponsor(t: "Turn") -> np.ndarray:
    return t.ctx.in_pb[:, t.ctx.lead][..., None]


def _against(t: "Turn", tg: np.ndarray) -> np.ndarray:
    """[B,N,T] each leader may move a motion against ``tg`` (legality._against): he sits on
    the Politburo, and the man is another, in the party and not above such motions now."""
    return _sponsor(t) & person_ok(t, tg, t.open_to_motions)


def _body(t: "Turn", body: str) -> str:
    return body_for(t.g, t.s.turn, body)


# how far into the game each step of a campaign against a man comes, after a leader's patience
# has run out: first his views are condemned and his posts taken, only later is he put out of
# the Politburo, the Central Committee and the party (a split the party dreaded). The Committee
# and the party wait a tenth of the game and more after the Politburo: since a man who defies
# the party is cast out however weak (_beyond_politburo), at a twentieth the Right's men cast
# Zinoviev out of the Committee in 1926 in half the games (history: October 1927, 001)
NEVER = 3.0        # a patience no campaign outlasts (a start past the end of the game)
ESCALATION = {"condemn": 0.0, "remove": 0.05, "demote": 0.15, "expel_pb": 0.2, "expel_cc": 0.35,
              "expel_party": 0.4}
# the expulsion's step by where the man sits (0: the Politburo, 1: the Committee, 2: the party)
EXPEL_ESCALATION = np.array([ESCALATION[k] for k in ("expel_pb", "expel_cc", "expel_party")])


def _ramp(t: "Turn", step: "str | tuple", target) -> np.ndarray:
    """[..,B,N,T] appetite for a motion against ``target`` persons ([T] or [B,1,T]; -1:
    nobody) now: aggression once patience - his bloc's (``pace``) - and the escalation of that
    step have run out; against the human player the difficulty may bring it forward or damp
    it. Several steps at once (a tuple) add a leading axis, one row per step."""
    esc = ESCALATION[step] if isinstance(step, str) else \
        np.array([ESCALATION[k] for k in step])[:, None, None, None]
    return _ramp_after(t, esc, target, 0.35 * pace(t, target))


def _ramp_after(t: "Turn", esc, target, waited: np.ndarray,
                partner: "np.ndarray | None" = None) -> np.ndarray:
    """``_ramp`` from its parts: the escalation ``esc`` (a number or float64 array, by cell
    or by step), ``waited`` = 0.35 * ``pace(t, target)`` and, if known, ``_partner(t,
    target)``. Cell by cell, so reading a step's escalation per cell gives the values the
    stacked steps give there."""
    start = waited + esc
    human = t.ctx.human[np.maximum(target, 0)]
    # against no human player (every lab game) the difficulty's terms change nothing: the
    # choices np.where would make are skipped (the same values and type)
    anyone = bool(human.any())
    if anyone:
        start = np.where(human, start * (1.0 - t.dif.urgency), start)
    if partner is None:
        partner = _partner(t, target)
    r = t.ch.aggression[:, None] * _past(t, start) * ~partner
    return np.where(human, r * t.dif.mercy, r) if anyone else r


def _partner(t: "Turn", target) -> np.ndarray:
    """[B,N,T] ``target`` sits in a bloc with the leader: he is not moved against. A man turns
    on an ally by leaving their bloc first (001: "Later, in 1928, having defeated the Left,
    Stalin turned on Bukharin"; the Right left the majority over the grain, 002). Before, the
    computer Stalin took Pravda and the unions from Bukharin and Tomsky while they sat with
    him in the Stalin-Bukharin majority against the Leningrad Opposition."""
    tg = _targets(target)[:, None, :]                                             # [B,1,T]
    return along_last(t.allied_leaders, np.maximum(tg, 0)) & (tg >= 0)


def _targets(target) -> np.ndarray:
    """``target`` ([T] or [B,1,T]) as [B,T] or, the same men in every game, [1,T]."""
    target = np.asarray(target)
    return target.reshape(-1, target.shape[-1])


def pace(t: "Turn", target) -> np.ndarray:
    """[B,N,T] the patience a leader's motions against ``target`` ([T] or [B,1,T]) wait for:
    the greatest of his own and his computer partners' (his blocs' men, the target aside). A
    bloc's motion is carried by the partners' votes, and they lend them when they are ready
    themselves: the triumvirs moved against Trotsky at Stalin's pace, not Zinoviev's, who
    wanted him expelled, even arrested, when Trotsky lost the War Commissariat in January 1925
    (003; Stalin's moderation is general history: the campaign's event of that month).
    Without it Zinoviev took Trotsky's post in 1923, with the triumvirate's votes, and then
    Bukharin's, Rykov's and Tomsky's in 1924."""
    ctx, ch = t.ctx, t.ch
    lead = ch.lead
    tg = _targets(target)                                                          # [B,T]
    # a partner lends his votes against a man he would move against himself: one who does not
    # count him among his chief enemies holds the bloc back (the triumvirs' votes did not take
    # Rykov's and Tomsky's posts in 1925: Stalin backed the Right against Zinoviev and Kamenev,
    # 001, "supported by Bukharin and the Right")
    rho = along_last(ctx.rho, np.maximum(tg, 0)[:, None, :])                      # [B,M,T]
    willing = rho >= _focus(t)[0]                                                 # [B,M,T]
    wait = np.where(willing, ch.patience[None, :, None], NEVER)                   # [B,M,T]
    # the greatest wait of the partners who share his bloc, the target aside (0 for the
    # others): partner by partner, on the rows (game, leader) he is a partner in, rather than
    # over a [B,N,M,T] table - a maximum of the same values (every wait above 0, so no zero
    # of either sign is compared with another), in whatever order
    ready = t.ready_partners                                                      # [B,N,M]
    if not (ch.patience > 0).all():
        shared = ready[:, :, :, None] & (lead[None, None, :, None] != tg[:, None, None, :])
        theirs = np.where(shared, wait[:, None, :, :], 0.0).max(axis=2)           # [B,N,T]
        return np.maximum(ch.patience[None, :, None], theirs)
    B, N, M = ready.shape
    theirs = np.zeros((B * N, tg.shape[-1]), dtype=wait.dtype)                    # [B*N,T]
    for m in range(M):
        rows = np.flatnonzero(ready[:, :, m])                                     # b * N + n
        if len(rows):
            b = rows // N
            w = np.where(lead[m] != tg[b if tg.shape[0] > 1 else 0], wait[b, m], 0.0)
            theirs[rows] = np.maximum(theirs[rows], w)
    theirs = theirs.reshape(B, N, -1)
    return np.maximum(ch.patience[None, :, None], theirs)


def _past(t: "Turn", start) -> np.ndarray:
    """0..1: how far the struggle has gone past ``start`` (a share of the game), in full an
    eighth of the game later."""
    return clip((t.ctx.progress - start) / 0.12, 0.0, 1.0)


def _focus(t: "Turn") -> np.ndarray:
    """[1,N,1] how near the greatest threat a man must be to be moved against: a principled
    leader fights only his chief enemy, an unprincipled one whoever he can beat."""
    return t.focus


def focus(ch) -> np.ndarray:
    """``_focus`` for the characters ``ch`` (the same every turn: see Rivals)."""
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
    B, N = s.batch, len(lead)
    tg = np.broadcast_to(lead[None, None, :], (B, N, N))
    legal = _against(t, tg)
    m = s.member[:, lead, :]                                                     # [B,T,bodies]
    in_pb = m[:, :, BODY["politburo"]]
    level = np.where(in_pb | m[:, :, BODY["politburo_candidate"]], 0,
                     np.where(m[:, :, BODY["central_committee"]], 1, 2))[:, None, :]
    level = np.broadcast_to(level, tg.shape)
    demote_ok = legal & in_pb[:, None, :]
    # the appetite for each step (_ramp), its common parts worked out once; the expulsion's
    # step read per cell from where the man sits (the values the stacked steps give there)
    waited, partner = 0.35 * pace(t, lead), _partner(t, lead)
    ramp = _ramp_after(t, ESCALATION["condemn"], lead, waited, partner)             # [B,N,T]
    ramp_d = _ramp_after(t, ESCALATION["demote"], lead, waited, partner)
    ramp_e = _ramp_after(t, EXPEL_ESCALATION[level[:, :1]], lead, waited, partner)
    rho_t = ctx.rho[:, :, lead]                        # [B,N,T] (rho at ``tg``: each leader)
    focus = rho_t >= _focus(t)                                # principled men fight one enemy
    rho = rho_t * ctx.danger[:, :, lead]
    standing = clip((s.prestige[:, lead] - 20.0) / 30.0, 0.0, 1.0)[:, None, :]
    faction = (ctx.faction[:, lead] & ctx.ban[:, None])[:, None, :]
    cast_out, hostile = _beyond_politburo(t, level, faction)
    aim = t.ag.out_pb[:, lead][None]                            # his role wants them out
    open_c = condemn_open(g, s)[:, lead][:, None, :]                  # no verdict standing
    want_e = legal & ((focus & (rho > 0.3) & (hostile > 0)) | (aim & (level == 0)) | cast_out) \
        & (ramp_e > 0)
    want_d = demote_ok & ((focus & (rho > 0.3)) | aim) & (ramp_d > 0)
    # a seat is taken only after a breach of the ban (_seat_forfeit); until then the campaign
    # against the man is fought with a verdict on his views, the first step of any
    seat = _seat_forfeit(t, level)
    unseated = (want_e | want_d) & ~seat
    want_e, want_d = want_e & seat, want_d & seat
    # an open faction under the ban is a breach in itself: the majority puts its men's views to
    # the next Congress or Conference whatever its patience - the Thirteenth Conference
    # condemned Trotsky and the 46 (001), a year before the triumvirs took his army at Stalin's
    # pace. Not a bloc open to the mover: Zinoviev and Kamenev, left in the triumvirate when
    # Stalin went over to the Right, are not his opposition faction. Before, the majority
    # waited for its patience, and the Conference condemned Trotsky in one game in seven.
    ruling = (s.bloc[:, :, lead] & ctx.majority[:, :, None]).any(axis=1)[:, :, None]   # [B,N,1]
    theirs = s.bloc[:, :, lead] & ctx.opposition[:, :, None]                          # [B,L,T]
    foreign = _foreign(theirs, g.bloc_open_to[:, lead])                                 # [B,N,T]
    breach = foreign & ctx.ban[:, None, None] & ruling & ~partner
    full = np.where(ctx.human[lead][None, None, :], t.dif.mercy, 1.0) * \
        t.ch.aggression[None, :, None]
    ramp = np.where(breach, np.maximum(ramp, full), ramp)
    want_c = legal & open_c & (ramp > 0) & _verdict_due(t, lead) & (
        (focus & (rho > 0.5) & (faction | (standing > 0.5))) | unseated)
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
    if want_c.any():
        # condemn: worth it against a man with standing to lose, or the leader of an open
        # faction
        mates = (ctx.bits[:, lead, None] & ctx.bits[:, None, :]) != 0           # [B,T,P]
        rival_mates = (mates[:, None, :, :] * ctx.rho[:, :, None, :]).sum(axis=3)  # [B,N,T]
        gain = KAPPA * (rho * g.params["condemn_prestige"] * standing + 3.0 * rival_mates + 1.0)
        v = _settle(t, "condemn", "condemn", chance(t, said, 0.5, "condemn"), gain, ramp)
    else:
        v = 0.0
    t.board.put("condemn", v, legal, keep=want_c & (v > 0), target=tg, group=tg, claim=claim)
    # expel from the Politburo, the Central Committee, the party
    if want_e.any():
        gain = EXPEL_GAIN[level] * (rho * hostile + DEFIANCE_GAIN * cast_out) + \
            0.08 * aim * (level == 0)
        share = np.where(level < 2, cc, sit)
        need = np.where(level == 0, 0.5, g.params["cc_expel_majority"])
        v = _settle(t, "expel", "expel", chance(t, share, need, "expel"), gain, ramp_e)
    else:
        v = 0.0
    t.board.put("expel", v, legal, keep=want_e & (v > 0), target=tg, arg=level, group=tg,
                cost=2.0, claim=claim)
    # demote to candidate member
    if "demote" in t.menu.blocks:
        if want_d.any():
            gain = 0.05 * rho + 0.08 * aim
            v = _settle(t, "demote", "demote", chance(t, cc, 0.5, "demote"), gain, ramp_d)
        else:
            v = 0.0
        t.board.put("demote", v, demote_ok, keep=want_d & (v > 0), target=tg, group=tg,
                    claim=claim)


def _foreign(theirs: np.ndarray, open_to: np.ndarray) -> np.ndarray:
    """[B,N,T] ``(theirs[:, None] & ~open_to.T[None, :, :, None]).any(axis=2)``: the man sits
    in an opposition bloc (``theirs`` [B,L,T]) not open to the leader (``open_to`` [L,N]).
    With the bloc axis folded into the bits of one integer (up to MAX_BITS blocs): a non-zero
    intersection, the same booleans without the [B,N,L,T] table."""
    if theirs.shape[1] > MAX_BITS:
        return (theirs[:, None, :, :] & ~open_to.T[None, :, :, None]).any(axis=2)
    in_bits = bits_of(np.swapaxes(theirs, 1, 2))                                   # [B,T]
    shut = bits_of((~open_to).T)                                                   # [N]
    return (in_bits[:, None, :] & shut[None, :, None]) != 0


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
    return _ruthless(t, target)


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


def _seat_forfeit(t: "Turn", level: np.ndarray) -> np.ndarray:
    """[B,1,T] a motion to reduce or put the man out of the Politburo may be moved: he sits
    outside it already (the steps beyond it), or he has breached the ban on factions after his
    views were condemned (defiance.breached). The majority cut off no heads for views alone:
    Zinoviev and Trotsky kept their seats a year after their defeat and lost them only when
    the opposition's organised breach of the ban was exposed - the Lashevich affair, June 1926,
    the appeal to the cells, October 1926 - Kamenev his full seat after the open fight at the
    Fourteenth Congress (Stalin there: 'we are against the policy of cutting off heads';
    general history). Before, the rivals reduced Trotsky and Zinoviev to candidates or put
    them out once patience ran out, in 1925 in half the games. The rivals wait for the breach
    against the human player too, unless their level has no ``pretext`` (hard); a stand-in
    playing a seat (game.ai.policies, which reads every other man as a player) has none: the
    player plays the rules, not the party's manners."""
    g, s, ctx = t.g, t.s, t.ctx
    breach = defiance.breached(g, s, ctx.faction)[:, ctx.lead][:, None, :]
    return (level > 0) | breach | _ruthless(t, ctx.lead)


def _ruthless(t: "Turn", target) -> np.ndarray:
    """[1,1,T] or [B,1,T] ``target`` ([T] or [B,1,T]; -1: nobody) is a human player the
    rivals' level lets them move against with no pretext (``pretext`` false: hard, and a
    stand-in playing a seat)."""
    human = t.ctx.human[np.maximum(target, 0)] & (np.asarray(target) >= 0)
    return human.reshape((-1, 1, human.shape[-1])) & (not t.dif.pretext)


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
    return defied | _ruthless(t, holder) | _testament(t)


def _testament(t: "Turn") -> np.ndarray:
    """[B,N,K] the post is the Secretariat and the Postscript, which asks the comrades to
    remove its holder, is a verdict on him: the Testament has been published, or the leader
    is Lenin, who wrote it (defiance.testament_verdict)."""
    lead = np.broadcast_to(t.ctx.lead[None, :], (t.s.batch, len(t.ctx.lead)))
    return defiance.testament_verdict(t.g, t.s, by=lead)


def _beyond_politburo(t: "Turn", level: np.ndarray, faction: np.ndarray) -> tuple:
    """([B,1,T] he is to be cast out of the Committee or the party for defying the party,
    [B,N,T] how hostile a motion to expel him from where he sits is). A rival is
    put out of the Politburo for the danger he is; out of the Committee for that danger only
    with less heart unless he leads an open faction or defies the party; out of the party only
    if he defies it after his defeat (game.engine.defiance) - and not at all, beyond the
    Politburo, once he has recanted. The Left, beaten in 1926, fought on and was expelled in
    1927 (001: "Nov: Trotsky and Zinoviev expelled from the Communist Party"); the Right
    recanted in November 1929 and kept its party cards (general history). Read by danger
    alone, the rivals expelled the Right, the next danger, in 1928 and let the beaten Left be."""
    g, s, lead = t.g, t.s, t.ctx.lead
    defies = defiance.defiant(g, s)[:, lead][:, None, :]
    yielded = defiance.submitted(s)[:, lead][:, None, :]
    beyond = level > 0
    hostile = np.where(level == 0, 1.0, np.where(level == 1, 0.3 + 0.7 * (faction | defies),
                                                 defies))
    hostile = np.where(beyond & yielded, 0.0, hostile)
    return defies & beyond, hostile


def remove(t: "Turn") -> None:
    g, s, ctx = t.g, t.s, t.ctx
    lead = ctx.lead
    B = s.batch
    holder = s.holder.astype(np.int64)[:, None, :]                               # [B,1,K]
    tg = np.broadcast_to(holder, (B, len(lead), g.K))
    legal = _against(t, tg)
    tc, hc = np.maximum(tg, 0), np.maximum(holder, 0)
    rho_t = along_last(ctx.rho, hc)                      # [B,N,K] each leader's rho at tc
    rho = np.where(tg >= 0, rho_t * along_last(ctx.danger, hc), 0.0)
    ramp = _ramp(t, "remove", holder)                                             # [B,N,K]
    # the party's verdict is carried out against a man who defies it, however little he is
    # still to be feared: the Bukharin group, condemned in April 1929, lost Pravda and the
    # unions that spring though Stalin no longer had to fear them (001: "by 1929, he had
    # politically defeated and neutralised all his main rivals"). Before, a victor whose
    # standing had outgrown them left Tomsky the unions in 98 games in 100.
    verdict = _verdict_defied(t, holder)
    defied = verdict & (tg >= 0)
    want = legal & ((rho > 0.2) | defied) & (rho_t >= _focus(t)) & (ramp > 0) & \
        _posts_forfeit(t, holder, verdict)
    claim = t.menu.CLAIM_AGAINST + tc
    if not want.any():
        t.board.put("remove", 0.0, legal, keep=False, target=tg, arg=np.arange(g.K),
                    group=tc, cost=2.0, claim=claim)
        return
    keep = t.ag.keep_post[None]                                                  # [1,N,K]
    gain = t.post_value[None, None, :] * (rho + 0.4) + 0.05 * keep
    share = np.zeros(tg.shape, dtype=F)
    bodies = _bodies(t, "posts", g.post_removed_by)
    for body in distinct(bodies):
        cols = bodies == body
        if want[:, :, cols].any():
            share[:, :, cols] = _read(t, want[:, :, cols], tg[:, :, cols], str(body),
                                      takes=~_testament(t)[:, :, cols])
    v = _settle(t, "remove", "remove_from_post", chance(t, share, 0.5, "remove"), gain, ramp)
    t.board.put("remove", v, legal, keep=want & (v > 0), target=tg, arg=np.arange(g.K),
                group=tc, cost=2.0, claim=claim)


def promote(t: "Turn") -> None:
    g, s, ctx = t.g, t.s, t.ctx
    lead = ctx.lead
    follows = (s.patron.astype(np.int64)[:, None, :] == lead[None, :, None]) | \
        t.allied_leaders                                                          # [B,N,P]
    # ...never a man the Central Committee has put out of the Politburo (none came back in
    # the 1920s; without it allies re-elected whom Stalin had just removed, month after month)
    ok = follows & ~ctx.in_pb[:, None, :] & ctx.in_cc[:, None, :] & ctx.act[:, None, :] & \
        (s.fell_turn < 0)[:, None, :]
    ok &= np.arange(g.P)[None, None, :] != lead[None, :, None]
    score = np.where(ok, s.prestige[:, None, :] * s.loyalty[:, None, :].clip(0.3, 1), -1.0)
    best = np.argmax(score, axis=2)[..., None]                                   # [B,N,1]
    seat = (politburo_vacancies(g, s) > 0)[:, None, None]        # the engine's rule of seats
    legal = _sponsor(t) & along_last(ok, best) & seat
    if not legal.any():
        return
    # the plenum weighs the man put up as well as the sponsor (the engine's promotion names no
    # target: the man proposed rides in its arg2; reading it as a duel with him took his
    # enemies' votes for the motion and his friends' against it)
    share = np.zeros(legal.shape, dtype=F)
    b, n, _ = np.nonzero(legal)
    if len(b):
        share[b, n, 0] = t.fc.promotion(b, n, best[b, n, 0])
    n_pb = (ctx.in_pb & ctx.act).sum(axis=1)[:, None, None].astype(F)
    mine = ctx.pb_share[:, lead][..., None] * n_pb
    more = (mine + 1.0) / (n_pb + 1.0) - mine / np.maximum(n_pb, 1.0)
    gain = 0.25 * more * (1.0 + 1.5 * t.ag.majority[None, :, None])
    # a safe majority needs no more men, and a Politburo of a dozen is already large
    gain = gain * np.where(ctx.pb_share[:, lead][..., None] > 0.6, 0.2, 1.0) * \
        clip((12.0 - n_pb) / 3.0, 0.0, 1.0)
    # packing the Politburo with one's men is a move in the struggle, and waits for his
    # patience as a motion against a rival does (the Politburo kept its six or seven members
    # until 1926; without it the rivals had elected five more in 1922)
    v = _settle(t, "promote", "promote", chance(t, share, 0.5, "promote"), gain,
                _past(t, 0.35 * t.ch.patience)[None, :, None])
    # where the Politburo has a number of seats, a promotion claims a seat: one a game a month
    t.board.put("promote", v, legal, keep=(v > 0), target=best,
                claim=t.menu.CLAIM_PROMOTE + (0 if g.seats_limited else best))


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
    v = _settle(t, "testament", "testament", chance(t, share, 0.5, "testament"), gain)
    v[:, :, 0] *= open_quarrel(t) * t.ch.aggression[None, :] * (~is_gs[..., 0])
    t.board.put("testament", v, legal, keep=(v > 0), target=np.array([-1, -1]),
                arg=np.array([0, 1]), cost=2.0, group=t.menu.GROUP_TESTAMENT,
                claim=t.menu.CLAIM_TESTAMENT)


def propose(t: "Turn") -> None:
    """Resolutions and policies: the line, the role's aims, the economy, who gains standing."""
    g, ag = t.g, t.ag
    M = len(g.motion_ids)
    if not M:
        return
    legal = _sponsor(t) & ag.is_line[None, None, :] & t.motion_open[:, None, :]
    gain = _line_gain(t)                                                           # [B,N,M]
    pre = np.where(legal, gain, -1.0)
    top = np.argsort(-pre, axis=2, kind="stable")[:, :, :min(TOP_K, M)]              # [B,N,k]
    want = along_last(pre, top) > ACT_MIN
    if not want.any():
        t.board.put("propose", 0.0, legal, keep=False, arg=np.arange(M))
        return
    bodies = _bodies(t, "motions", [m.body for m in g.scenario.motions])
    share = np.zeros(top.shape, dtype=F)
    b, n, j = np.nonzero(want)
    if len(b):
        m = top[b, n, j]
        share[b, n, j] = t.fc.line(b, n, ag.unit[m], ag.bureaucratic[m], bodies[m])
    p = chance(t, share, 0.5, "propose", cols=top)
    v_top = _settle(t, "propose", "propose", p, along_last(gain, top))
    v = np.full(gain.shape, -1.0, dtype=F)
    v[np.arange(v.shape[0])[:, None, None], np.arange(v.shape[1])[None, :, None], top] = v_top
    key = np.where(ag.policy >= 0, ag.policy, g.Q + np.arange(M))
    t.board.put("propose", v, legal, keep=(v > 0), arg=np.arange(M),
                claim=t.menu.CLAIM_LINE + key)


def _line_gain(t: "Turn") -> np.ndarray:
    s, ctx, ag = t.s, t.ctx, t.ag
    lead = ctx.lead
    N = len(lead)
    align, calm, lean = _views(t)                                  # [B,N,M], [B,M], [B,N,M]
    gain = 0.015 * t.ch.principle[None, :, None] * align
    # the role's aims about policies
    q, o = ag.policy, ag.option
    has = q >= 0
    if has.any():
        qc, oc = np.maximum(q, 0), np.maximum(o, 0)
        wants = t.wants
        want_new = wants[:, qc, oc] * has                                               # [N,M]
        cur = s.policy[:, qc].astype(np.int64)                                          # [B,M]
        want_cur = _wants_at(wants, qc, cur) * has                                     # [B,N,M]
        # worth the step from what stands to what is tabled: nothing from one wanted option to
        # another (else a role wanting either would switch between them month after month)
        gain = gain + 0.05 * (want_new[None] - np.maximum(want_cur, 0))
    # who gains or loses standing by it
    mine = ag.prestige[:, lead].T[None]                                                 # [1,N,M]
    feared = np.zeros(gain.shape, dtype=F)
    for m, p in zip(*np.nonzero(ag.prestige)):                  # few: a loop, no dense product
        feared[:, :, m] += ag.prestige[m, p] * ctx.rho[:, :, p]
    gain = gain + KAPPA * (mine - feared)
    # the economy: calm the villages when the alliance with the peasants is in danger
    mood = s.ind[:, _IND_MOOD]
    crisis = clip((45.0 - mood) / 25.0, 0.0, 1.0)[:, None, None]
    wants = ag.want_ind[:, _IND_MOOD][None, :, None]
    calming = 0.03 * (crisis + 0.3 * wants) * calm[:, None, :]
    # ...but, until the alliance itself is at stake (the mood at 20), only towards a step his
    # own views do not oppose: a man does not give up his line for the villages' sake (002:
    # Stalin "wanted to seize the grain by force", Bukharin "advocated persuasion instead of
    # force"). Before, the computer Stalin tabled the return to the market or to persuasion
    # himself at the first opening after his own extraordinary measures, in most games
    gain = gain + np.where((lean < 0) & (calming > 0) & (crisis < 1.0), 0.0, calming)
    # a done deed is not worth doing again
    done = t.motion_done()                                                               # [B,M]
    # a flag the role's aims want set or cleared, as a policy it wants in force
    gain = gain + 0.05 * t.serves_flag
    # nor does he table a line his own views stand against, whatever it would bring him: the
    # Platform of the Opposition was the Opposition's, and Stalin, who took up its pace of
    # industry in 1928-29, did it by his own Plan (003: "Stalin was later forced to adopt in a
    # caricature form many of the policies of the Left Opposition"). Before, the
    # computer Stalin moved the Platform of the Opposition himself in half the campaigns,
    # median 1928-09, for the investment it raises
    gain = np.where(lean < -OPPOSED, np.minimum(gain, 0.0), gain)
    gain = np.where(done[:, None, :], gain * 0.1, gain)
    # an adopted motion earns its mover a point of prestige (the engine's rule): a reason to
    # move a motion worth moving, not one to move any motion that will pass
    return np.where(gain > 0, gain + KAPPA, gain).astype(F)


def _wants_at(wants: np.ndarray, q: np.ndarray, cur: np.ndarray) -> np.ndarray:
    """[B,N,M] ``wants[n, q[m], cur[b, m]]`` (``wants`` [N,Q,O]: each leader's wish for each
    option of each policy): the same cells, read by one ``take`` at flat positions rather
    than by three broadcast index arrays (several times cheaper at a large batch)."""
    N, _, O = wants.shape
    M = len(q)
    if not len(cur) or cur.min() < 0 or cur.max() >= O:      # NumPy's own indexing and errors
        return wants[np.arange(N)[None, :, None], q[None, None, :], cur[:, None, :]]
    rows = wants[:, q, :]                                                     # [N,M,O]
    start = (np.arange(N)[:, None] * M + np.arange(M)[None, :]) * O          # [N,M]
    return rows.reshape(-1).take(start[None, :, :] + cur[:, None, :])


def _views(t: "Turn") -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """([B,N,M] how far each motion's line is each leader's own, [B,M] how it moves the
    peasants' mood, [B,N,M] the first before a new line has settled). A policy motion is read
    as the step from the option in force to the one tabled: what it says less what the
    standing option says. Read as its line alone,
    every option a man leaned towards was worth moving whenever another stood - Tomsky
    tabled 'Extend the NEP' and 'Maintain the NEP' in turn, Kamenev the Comintern's
    offensive and the united front, each lever reversed every six months it was open."""
    s, ag = t.s, t.ag
    ideo = s.ideology[:, t.ctx.lead, None, :]                                   # [B,N,1,3]
    mood = np.broadcast_to(ag.mood[None, :], (s.batch, len(ag.mood)))
    if not ag.step.any():
        align = dot3(ideo, ag.unit[None, None, :, :])
        return align, mood, align
    q, o = np.maximum(ag.policy, 0), np.maximum(ag.option, 0)
    cur = s.policy[:, q].astype(np.int64)                                       # [B,M]
    # a step's columns read the step, the others the line: each worked out only where it is
    # read (cell by cell the values np.where would choose, in the type it would give)
    st, ln = np.flatnonzero(ag.step), np.flatnonzero(~ag.step)
    line = dot3(ideo, ag.unit[None, None, ln, :])                               # [B,N,M']
    qs = q[st]
    says = dot3(ideo, ag.stands[qs, o[st]][None, None])
    said = dot3(ideo, ag.stands[qs[None, :], cur[:, st]][:, None])
    step = says - said                                                          # [B,N,S]
    weighed = step * settled(t, qs)[:, None, :]
    shape = step.shape[:2] + (len(q),)
    lean = np.empty(shape, dtype=np.result_type(step, line))
    lean[:, :, st], lean[:, :, ln] = step, line
    align = np.empty(shape, dtype=np.result_type(weighed, line))
    align[:, :, st], align[:, :, ln] = weighed, line
    mood = np.where(ag.step[None, :], mood - ag.stands_mood[q[None, :], cur], mood)
    return align, mood, lean

