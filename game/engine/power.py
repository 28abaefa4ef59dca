"""Derived measures of power, computed from the state over the whole batch.

These are the quantities the expressions' functions (politburo_majority, delegate_share,
cc_share, leads) and the rivals read; none of them is stored, so they can never drift from the
state they describe.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

from .jit import F, kernel, row_sum
from .state import BODY, State


def active(state: State, incapacitated: float) -> np.ndarray:
    """[B,P] can act and vote: alive, in the party, well enough."""
    return _active(state.alive, state.expelled, state.health, float(incapacitated))


@kernel
def _active(alive, expelled, health, incapacitated):
    B, P = alive.shape
    out = np.empty((B, P), dtype=np.bool_)
    for b in range(B):
        for p in range(P):
            out[b, p] = alive[b, p] and not expelled[b, p] and health[b, p] >= F(incapacitated)
    return out


def bloc_bits(state: State) -> np.ndarray:
    """[B,P] each person's blocs as the bits of one integer (two people are allied when their
    integers share a bit: far cheaper than a product over the bloc axis), in the narrowest
    unsigned integer that holds a bit per bloc (a byte for up to eight blocs: the tables of
    who is allied with whom are built an eighth the size)."""
    B, L, P = state.bloc.shape
    if L > 62:
        raise ValueError("at most 62 blocs")
    out = np.empty((B, P), dtype=_narrow_bits(L).dtype)
    _bloc_bits(np.ascontiguousarray(state.bloc), out)
    return out


@kernel
def _bloc_bits(bloc, out):
    """``bloc_bits`` into ``out`` [B,P] from the blocs [B,L,P]."""
    B, L, P = bloc.shape
    for b in range(B):
        for p in range(P):
            out[b, p] = 0
        for l in range(L):
            for p in range(P):
                out[b, p] |= bloc[b, l, p] << l


def bits_against(against: np.ndarray) -> np.ndarray:
    """[P] from [L,P] (bloc l was formed against person p): the blocs formed against each
    person, as bits of the same integers as ``bloc_bits``."""
    return np.matmul(_narrow_bits(against.shape[0]), against.astype(np.uint8))


@lru_cache(maxsize=8)
def _narrow_bits(n: int) -> np.ndarray:
    """``_bits(n)`` in the narrowest unsigned integer that holds them (read-only)."""
    dtype = next(t for t in (np.uint8, np.uint16, np.uint32, np.int64)
                 if n <= np.iinfo(t).bits - (t is np.int64))
    out = _bits(n).astype(dtype)
    out.flags.writeable = False
    return out


def allied(state: State, bits: np.ndarray | None = None) -> np.ndarray:
    """[B,P,P] share at least one bloc (a person is allied with himself); ``bits``:
    ``bloc_bits`` of the state, when the caller has them."""
    return _allied(bloc_bits(state) if bits is None else bits)


@kernel
def _allied(bits):
    B, P = bits.shape
    out = np.empty((B, P, P), dtype=np.bool_)
    for b in range(B):
        for p in range(P):
            for q in range(P):
                out[b, p, q] = p == q or (bits[b, p] & bits[b, q]) != 0
    return out


def allied_with(state: State, who: np.ndarray, bits: np.ndarray | None = None) -> np.ndarray:
    """[B,P] allied with person ``who[b]`` (one column of ``allied``)."""
    mask = bloc_bits(state) if bits is None else bits
    bi = np.arange(mask.shape[0])
    col = (mask & mask[bi, who][:, None]) != 0
    col[bi, who] = True
    return col


def orgburo_support(state: State, act: np.ndarray) -> np.ndarray:
    """[B,P] members of the Orgburo (among the ``act`` [B,P] who can act) who stand with each
    person: himself, his clients and his bloc-mates. The Orgburo was the body that disposed of
    the party's cadres; a dispute over a secretary was settled by its vote (general history)."""
    P = state.patron.shape[1]
    if P <= MAX_BITSET_CAST:
        # the same men ``following`` counts (himself, his clients, his allies), as a
        # population count of bitsets rather than a [B,P,P] table: the same integers
        return following(state, act, state.member[:, :, BODY["orgburo"]])
    stand = allied(state) | (state.patron[:, None, :] == np.arange(P)[None, :, None])
    org = state.member[:, :, BODY["orgburo"]] & act                       # [B,Q]
    return np.count_nonzero(stand & org[:, None, :], axis=2)


def orgburo_majority(state: State, act: np.ndarray) -> np.ndarray:
    """[B,P] more than half of the acting Orgburo stand with him (orgburo_support)."""
    seats = np.count_nonzero(state.member[:, :, BODY["orgburo"]] & act, axis=1)     # [B]
    return 2 * orgburo_support(state, act) > seats[:, None]


def majority_blocs(state: State, pb_share: np.ndarray, cc_share: np.ndarray) -> np.ndarray:
    """[B,L] the bloc is the party's majority: one of its men's following (``politburo_share``,
    ``cc_share``) commands the Politburo or the Central Committee. Under the ban on factions
    the oppositions were the groups against the Committee's line, never the men who made it:
    the Stalin-Bukharin majority of 1925-27 was the Central Committee's majority even on the
    day it lacked one in the Politburo (and, read on the Politburo alone, the ban turned its
    own members against Stalin)."""
    return _majority_blocs(state.bloc, pb_share, cc_share)


@kernel
def _majority_blocs(bloc, pb_share, cc_share):
    B, L, P = bloc.shape
    out = np.zeros((B, L), dtype=np.bool_)
    for b in range(B):
        for l in range(L):
            for p in range(P):
                out[b, l] |= bloc[b, l, p] and (pb_share[b, p] > 0.5 or cc_share[b, p] > 0.5)
    return out


def opposition_blocs(state: State, bloc_secret: np.ndarray, majority_bloc: np.ndarray) -> np.ndarray:
    """[B,L] the bloc is an open opposition faction: public (not secret, or exposed) and not
    the majority (``majority_blocs``)."""
    public = (~bloc_secret)[None, :] | state.exposed
    return public & ~majority_bloc


def open_faction(state: State, bloc_secret: np.ndarray, majority_bloc: np.ndarray) -> np.ndarray:
    """[B,P] belongs to an open opposition faction (``opposition_blocs``)."""
    return _in_blocs(state.bloc, opposition_blocs(state, bloc_secret, majority_bloc))


@kernel
def _in_blocs(bloc, which):
    """[B,P] sits in one of the blocs ``which`` [B,L]."""
    B, L, P = bloc.shape
    out = np.zeros((B, P), dtype=np.bool_)
    for b in range(B):
        for l in range(L):
            if which[b, l]:
                for p in range(P):
                    out[b, p] |= bloc[b, l, p]
    return out


# the largest cast whose followers are held as bits: clients' bits are summed in a float64
# (patron_sum), exact up to 2**53; a larger cast is counted from a table
MAX_BITSET_CAST = 53


def followers(state: State, bits: np.ndarray | None = None) -> np.ndarray | None:
    """[B,P] each person's followers — himself, his clients, his allies — as the bits of one
    int64 (None for a cast over MAX_BITSET_CAST, which ``following`` counts from a table
    instead). Worked out once, it serves every body's count of the same state. They depend
    on the blocs and the patrons alone (``bits``, the blocs' bits, is not needed)."""
    B, P = state.patron.shape
    if P > MAX_BITSET_CAST:
        return None
    return _followers(np.ascontiguousarray(state.bloc), np.ascontiguousarray(state.patron))


@kernel
def _followers(bloc, patron):
    """``followers`` from the two arrays it reads (the blocs [B,L,P], the patrons [B,P])."""
    B, L, P = bloc.shape
    out = np.empty((B, P), dtype=np.int64)
    for b in range(B):
        for p in range(P):                                      # himself
            out[b, p] = np.int64(1) << p
        for l in range(L):
            members = np.int64(0)
            for p in range(P):
                members |= np.int64(bloc[b, l, p]) << p
            for p in range(P):                                  # his allies
                out[b, p] |= members & -np.int64(bloc[b, l, p])
        for q in range(P):                                      # his clients
            if patron[b, q] >= 0:
                out[b, patron[b, q]] |= np.int64(1) << q
    return out


def following(state: State, act: np.ndarray, voters: np.ndarray,
              bits: np.ndarray | None = None, fol: np.ndarray | None = None) -> np.ndarray:
    """[B,P] how many of ``voters`` each person commands: himself, his clients, his allies.

    Each person's followers are a set of people held as the bits of one integer (a cast of up
    to MAX_BITSET_CAST; ``fol`` from ``followers``), so the count is a population count, not a
    sum over a [B,P,P] table."""
    mask = bloc_bits(state) if bits is None else bits
    P = mask.shape[1]
    if P > MAX_BITSET_CAST:
        return _following_table(state, act, voters, mask)
    fol = followers(state, mask) if fol is None else fol
    return _count(fol, np.ascontiguousarray(voters & act))


@kernel
def _count(fol, votes):
    """[B,P] how many of the men who vote (``votes`` [B,P]) are among each man's followers
    (``fol``, bits)."""
    B, P = fol.shape
    out = np.empty((B, P), dtype=np.int64)
    for b in range(B):
        vote = _bits_of(votes[b])
        for p in range(P):
            out[b, p] = _popcount(fol[b, p] & vote)
    return out


@kernel
def _bits_of(row):
    """The men marked in ``row`` [P] (booleans) as the bits of one int64."""
    out = np.int64(0)
    for q in range(row.shape[0]):
        if row[q]:
            out |= np.int64(1) << q
    return out


@kernel
def _popcount(x):
    """How many bits of a non-negative int64 are set (each step adds neighbouring counts)."""
    x = x - ((x >> 1) & 0x5555555555555555)
    x = (x & 0x3333333333333333) + ((x >> 2) & 0x3333333333333333)
    x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0F
    return (x * 0x0101010101010101) >> 56


@lru_cache(maxsize=8)
def _bits(n: int) -> np.ndarray:
    """[n] the bits 1, 2, 4, … (int64, read-only): each person's own bit, or each bloc's; made
    once for a cast."""
    one = np.int64(1) << np.arange(n, dtype=np.int64)
    one.flags.writeable = False
    return one


def patron_sum(patron: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """[B,P] for each person, the sum of ``weights`` [B,P] over his clients (float64), added
    client by client."""
    return _patron_sum(np.ascontiguousarray(patron),
                       np.ascontiguousarray(weights, dtype=np.float64))


@kernel
def _patron_sum(patron, weights):
    B, P = patron.shape
    out = np.zeros((B, P), dtype=np.float64)
    for b in range(B):
        for q in range(P):
            if patron[b, q] >= 0:
                out[b, patron[b, q]] += weights[b, q]
    return out


def _following_table(state: State, act: np.ndarray, voters: np.ndarray,
                     mask: np.ndarray) -> np.ndarray:
    """``following`` for a cast too large for bitsets: a [B,P,V] table of who follows whom,
    built only for the columns of people who vote somewhere in the batch."""
    P = mask.shape[1]
    cols = np.flatnonzero(voters.any(axis=0))
    if not len(cols):
        return np.zeros(mask.shape, dtype=np.int64)
    v = voters[:, cols] & act[:, cols]                                    # [B,V]
    ally = (mask[:, :, None] & mask[:, None, cols]) != 0                  # [B,P,V]
    client = state.patron[:, None, cols] == np.arange(P)[None, :, None]
    itself = np.arange(P)[:, None] == cols[None, :]
    return np.count_nonzero((ally | client | itself) & v[:, None, :], axis=2)


def holds_any_post(state: State) -> np.ndarray:
    """[B,P] holds at least one post."""
    return _holds_any_post(state.holder, state.prestige.shape[1])


@kernel
def _holds_any_post(holder, P):
    B, K = holder.shape
    out = np.zeros((B, P), dtype=np.bool_)
    for b in range(B):
        for k in range(K):
            if holder[b, k] >= 0:
                out[b, holder[b, k]] = True
    return out


def politburo_votes(state: State, act: np.ndarray) -> np.ndarray:
    """[B,P] voting members of the Politburo."""
    return state.member[:, :, BODY["politburo"]] & act


def politburo_share(state: State, act: np.ndarray, bits: np.ndarray | None = None,
                    fol: np.ndarray | None = None) -> np.ndarray:
    """[B,P] share of the voting Politburo each person commands."""
    fol = followers(state) if fol is None else fol
    if fol is None:                          # a cast too large for bitsets: from a table
        voters = politburo_votes(state, act)
        n = np.maximum(voters.sum(axis=1, keepdims=True), 1)
        return following(state, act, voters, bits) / n
    return _share(fol, state.member, BODY["politburo"], act)


@kernel
def _share(fol, member, body, act):
    """[B,P] the share of the men of ``body`` who can act (``member`` [B,P,bodies]) each man
    commands (``fol``: his followers' bits)."""
    B, P = fol.shape
    out = np.empty((B, P), dtype=np.float64)
    votes = np.empty(P, dtype=np.bool_)
    for b in range(B):
        n = 0
        for q in range(P):
            votes[q] = member[b, q, body] and act[b, q]
            n += votes[q]
        vote, n = _bits_of(votes), max(n, 1)
        for p in range(P):
            out[b, p] = _popcount(fol[b, p] & vote) / n
    return out


def politburo_majority(state: State, act: np.ndarray) -> np.ndarray:
    """[B,P] commands more than half of the voting Politburo."""
    return politburo_share(state, act) > 0.5


def machine_share(state: State, params: dict, structural: float) -> np.ndarray:
    """[B,R] share of each region's delegates its secretary delivers to his patron.

    New recruits owe their place to the apparatus, so a region swollen by a recruitment drive
    is easier to steer; how much the machine counts at all is the historiography setting.
    """
    return _machine_share(*_machine_args(state, params, structural))


def _machine_args(state: State, params: dict, structural: float) -> tuple:
    """The arrays and numbers ``_machine_share`` reads."""
    return (state.sec_loyalty, state.sec_patron, np.ascontiguousarray(state.cohorts[:, :, 2]),
            float(params["machine_base"]), float(params["machine_recruits"]),
            float(0.5 + structural))


@kernel
def _machine_share(loyalty, sec_patron, recruits, base, per_recruit, weight):
    B, R = loyalty.shape
    out = np.empty((B, R), dtype=np.float32)
    for b in range(B):
        for r in range(R):
            m = F(0.0)
            if sec_patron[b, r] >= 0:
                m = loyalty[b, r] * (F(base) + F(per_recruit) * recruits[b, r]) * F(weight)
            out[b, r] = min(max(m, F(0.0)), F(0.95))
    return out


def party_lean(state: State) -> np.ndarray:
    """[B,3] the rank and file's views: each region's lean weighted by its membership."""
    w = state.members / np.maximum(state.members.sum(axis=1, keepdims=True), 1e-6)
    return np.einsum("br,brk->bk", w, state.lean)


def delegates(state: State, params: dict) -> np.ndarray:
    """[B,R] delegates each region sends to a sitting."""
    return _delegates(state.members, float(params["delegates_per_thousand"]))


@kernel
def _delegates(members, per_thousand):
    B, R = members.shape
    out = np.empty((B, R), dtype=np.float32)
    for b in range(B):
        for r in range(R):
            out[b, r] = max(np.rint(members[b, r] * F(per_thousand)), F(1.0))
    return out


def delegate_share(state: State, params: dict, structural: float) -> np.ndarray:
    """[B,P] share of all delegates delivered by each person's machine."""
    return _delegate_share(state.members, float(params["delegates_per_thousand"]),
                           *_machine_args(state, params, structural), state.patron.shape[1])


@kernel
def _delegate_share(members, per_thousand, loyalty, sec_patron, recruits, base, per_recruit,
                    weight, P):
    d = _delegates(members, per_thousand)                                       # [B,R]
    machine = _machine_share(loyalty, sec_patron, recruits, base, per_recruit, weight)
    B, R = d.shape
    out = np.zeros((B, P), dtype=np.float32)
    for b in range(B):
        for r in range(R):          # region by region: each secretary's delegates to his patron
            if sec_patron[b, r] >= 0:
                out[b, sec_patron[b, r]] += d[b, r] * machine[b, r]
        total = row_sum(d[b])
        for p in range(P):
            out[b, p] /= total
    return out


def cc_share(state: State, act: np.ndarray, bits: np.ndarray | None = None,
             fol: np.ndarray | None = None) -> np.ndarray:
    """[B,P] share of the Central Committee that votes with each person (seats and members)."""
    bits = bloc_bits(state) if bits is None else bits
    in_cc = state.member[:, :, BODY["central_committee"]] & act           # [B,P]
    named = following(state, act, in_cc, bits, fol)                        # [B,P]
    return _cc_share(named, bits, in_cc, state.cc_seats)


@kernel
def _cc_share(named, bits, in_cc, cc_seats):
    """``cc_share`` from the members each man commands (``named``), the blocs' bits, the
    members who vote and the seats held by each patron's clients (the last: by no one's)."""
    B, P = named.shape
    out = np.empty((B, P), dtype=np.float64)
    seats = np.empty(P, dtype=np.float32)
    for b in range(B):
        n = 0
        for q in range(P):
            n += in_cc[b, q]
        total = max(np.float64(n) + np.float64(row_sum(cc_seats[b])), 1.0)
        seats[:] = 0.0
        for c in range(P):
            if cc_seats[b, c] != 0:
                # a patron's clients follow him, and his allies' clients follow his allies
                for p in range(P):
                    ally = p == c or (bits[b, p] & bits[b, c]) != 0
                    seats[p] += cc_seats[b, c] * F(ally)
        for p in range(P):
            out[b, p] = (np.float64(named[b, p]) + np.float64(seats[p] + F(0.0))) / total
    return out


def camps(state: State, act: np.ndarray, share: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """([B,P] each man's camp, [B,P] the share of the Central Committee it commands): a man's
    camp is his patron's following if his patron can act, else his own; ``share`` is
    ``cc_share``. The Committee's choices weigh a man by the votes behind him."""
    pat = state.patron.astype(np.int64)
    has_patron = (pat >= 0) & np.take_along_axis(act, np.maximum(pat, 0), axis=1)
    camp = np.where(has_patron, pat, np.arange(pat.shape[1])[None, :])
    return camp, np.take_along_axis(share, camp, axis=1)


def claim(state: State, act: np.ndarray, params: dict, structural: float) -> np.ndarray:
    """[B,P] the weight of each person's following: 0.30 of his share of the Central Committee,
    0.25 of the Politburo, 0.20 of the delegates (each counting his clients and allies) and
    0.25 of his prestige. The measure of an opposition's champion, who needs no seat to lead
    one; to lead the party a man needs more (``standing``)."""
    bits = bloc_bits(state)
    fol = followers(state, bits)
    return (0.30 * cc_share(state, act, bits, fol) + 0.25 * politburo_share(state, act, bits, fol)
            + 0.20 * delegate_share(state, params, structural) + 0.25 * state.prestige / 100.0)


def holds_post_or_seat(state: State) -> np.ndarray:
    """[B,P] holds a post or sits on a party body (the Politburo, its candidates, the Central
    Committee, the Secretariat, the Orgburo, the Control Commission)."""
    return _seated(holds_any_post(state), state.member)


@kernel
def _seated(post, member):
    """[B,P] holds a post (``post``) or sits on a body (``member`` [B,P,bodies])."""
    B, P, M = member.shape
    out = post.copy()
    for b in range(B):
        for p in range(P):
            for m in range(M):
                out[b, p] |= member[b, p, m]
    return out


def standing(state: State, act: np.ndarray, params: dict, structural: float,
             leaders: np.ndarray, claims: np.ndarray | None = None) -> np.ndarray:
    """[B,P] how strong a claim each leader has to lead the party (-1 for anyone who cannot).

    In 1922-29 a man led the party from its bodies and posts: Trotsky, out of the Politburo in
    1926 and the Central Committee in 1927, could lead an opposition but not the party, however
    many followed him. So only an able leader who holds a post or sits on a party body stands
    to lead. In a game where no able leader does (a what-if that empties the bodies), every
    able leader stands by his claim alone, so the verdict still names the strongest following
    rather than whoever happens to be listed first. ``claims``: ``claim`` of the same state,
    when the caller has it already."""
    able = act & leaders[None, :]
    can = able & holds_post_or_seat(state)
    can = np.where(can.any(axis=1, keepdims=True), can, able)
    if claims is None:
        claims = claim(state, act, params, structural)
    return np.where(can, claims, -1.0)


def leading(state: State, act: np.ndarray, params: dict, structural: float,
            leaders: np.ndarray, claims: np.ndarray | None = None) -> np.ndarray:
    """[B] index of the leading figure of the party (``claims`` as for ``standing``)."""
    return np.argmax(standing(state, act, params, structural, leaders, claims), axis=1)
