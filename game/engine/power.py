"""Derived measures of power, computed from the state over the whole batch.

These are the quantities the expressions' functions (politburo_majority, delegate_share,
cc_share, leads) and the rivals read; none of them is stored, so they can never drift from the
state they describe.
"""
from __future__ import annotations

import threading
from functools import lru_cache

import numpy as np

from .arith import LARGE, clip, eye, sum_terms
from .state import BODY, State


def active(state: State, incapacitated: float) -> np.ndarray:
    """[B,P] can act and vote: alive, in the party, well enough."""
    return state.alive & ~state.expelled & (state.health >= incapacitated)


def bloc_bits(state: State) -> np.ndarray:
    """[B,P] each person's blocs as the bits of one integer (two people are allied when their
    integers share a bit: far cheaper than a product over the bloc axis), in the narrowest
    unsigned integer that holds a bit per bloc (a byte for up to eight blocs: the tables of
    who is allied with whom are built an eighth the size)."""
    L = state.bloc.shape[1]
    if L > 62:
        raise ValueError("at most 62 blocs")
    # a product with the bloc axis's bits, not a shift and a sum over a middle axis (which
    # costs ten times as much at a large batch); the bits are disjoint, so the sum is exact
    return np.matmul(_narrow_bits(L), state.bloc)


def bits_against(against: np.ndarray) -> np.ndarray:
    """[P] from [L,P] (bloc l was formed against person p): the blocs formed against each
    person, as bits of the same integers as ``bloc_bits``."""
    return np.matmul(_narrow_bits(against.shape[0]), against.astype(np.uint8))


def conspirators(bits: np.ndarray, against_bits: np.ndarray, who: np.ndarray) -> np.ndarray:
    """[B,P] sit in a bloc formed against person ``who[b]`` (``bits``: ``bloc_bits``,
    ``against_bits``: Game.against_bits)."""
    return (bits & against_bits[who][:, None]) != 0


@lru_cache(maxsize=8)
def _narrow_bits(n: int) -> np.ndarray:
    """``_bits(n)`` in the narrowest unsigned integer that holds them (read-only)."""
    dtype = next(t for t in (np.uint8, np.uint16, np.uint32, np.int64)
                 if n <= np.iinfo(t).bits - (t is np.int64))
    out = _bits(n).astype(dtype)
    out.flags.writeable = False
    return out


def allied(state: State) -> np.ndarray:
    """[B,P,P] share at least one bloc (a person is allied with himself)."""
    mask = bloc_bits(state)
    return ((mask[:, :, None] & mask[:, None, :]) != 0) | eye(mask.shape[1])


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
    return np.any(state.bloc & ((pb_share > 0.5) | (cc_share > 0.5))[:, None, :], axis=2)


def opposition_blocs(state: State, bloc_secret: np.ndarray, majority_bloc: np.ndarray) -> np.ndarray:
    """[B,L] the bloc is an open opposition faction: public (not secret, or exposed) and not
    the majority (``majority_blocs``)."""
    public = (~bloc_secret)[None, :] | state.exposed
    return public & ~majority_bloc


def open_faction(state: State, bloc_secret: np.ndarray, majority_bloc: np.ndarray) -> np.ndarray:
    """[B,P] belongs to an open opposition faction (``opposition_blocs``)."""
    opposition = opposition_blocs(state, bloc_secret, majority_bloc)
    return np.any(state.bloc & opposition[:, :, None], axis=1)


# the largest cast whose followers are held as bits: clients' bits are summed in a float64
# (patron_sum), exact up to 2**53; a larger cast is counted from a table
MAX_BITSET_CAST = 53


def followers(state: State, bits: np.ndarray | None = None) -> np.ndarray | None:
    """[B,P] each person's followers — himself, his clients, his allies — as the bits of one
    integer (None for a cast over MAX_BITSET_CAST, which ``following`` counts from a table
    instead). Worked out once, it serves every body's count of the same state. They depend
    on the blocs and the patrons alone (``bits``, the blocs' bits, is not needed): a large
    batch's are kept for the next read of the same arrays (``_LastFollowers``)."""
    B, P = state.patron.shape
    if P > MAX_BITSET_CAST:
        return None
    if state.bloc.size >= LARGE:
        return _last_followers().get(state.bloc, state.patron)
    return _followers(state.bloc, state.patron)


def _followers(bloc: np.ndarray, patron: np.ndarray) -> np.ndarray:
    """``followers`` from the two arrays it reads (the blocs, the patrons)."""
    B, P = patron.shape
    one = _bits(P)                                                          # [P]
    members = bloc @ one                                                    # [B,L] bloc members
    allies = np.zeros((B, P), dtype=np.int64)
    for l in range(bloc.shape[1]):         # bloc by bloc: a reduction over the middle axis
        allies |= members[:, l, None] * bloc[:, l]              # costs more at a large batch
    return allies | _client_bits(patron) | one


class _LastFollowers:
    """The last large batch's ``followers``, kept with copies of the two arrays it was made
    from. A turn reads the followers of the same blocs and patrons several times (the rivals'
    context, the Orgburo's count for an appointment, each vote's measure, the month's leading
    figure twice), and the engine changes those arrays in place between some of the reads:
    a read compares the arrays themselves with the copies (a cheap pass over a few hundred
    kilobytes) and recomputes unless both are equal - never a stale answer. The result is
    handed out read-only (no caller writes into it)."""

    def __init__(self):
        self.bloc = self.patron = self.out = None

    def get(self, bloc: np.ndarray, patron: np.ndarray) -> np.ndarray:
        if self.out is not None and bloc.shape == self.bloc.shape and \
                patron.shape == self.patron.shape and bloc.dtype == self.bloc.dtype and \
                patron.dtype == self.patron.dtype and np.array_equal(bloc, self.bloc) and \
                np.array_equal(patron, self.patron):
            return self.out
        out = _followers(bloc, patron)
        out.flags.writeable = False
        self.bloc, self.patron, self.out = bloc.copy(), patron.copy(), out
        return out


_LAST = threading.local()      # one per thread: the lab screen plays its batches in a worker


def _last_followers() -> _LastFollowers:
    last = getattr(_LAST, "followers", None)
    if last is None:
        last = _LAST.followers = _LastFollowers()
    return last


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
    vote = (voters & act) @ _bits(P)                                        # [B] who votes
    return np.bitwise_count(fol & vote[:, None]).astype(np.int64)


@lru_cache(maxsize=8)
def _bits(n: int) -> np.ndarray:
    """[n] the bits 1, 2, 4, … (int64, read-only): each person's own bit, or each bloc's; made
    once for a cast."""
    one = np.int64(1) << np.arange(n, dtype=np.int64)
    one.flags.writeable = False
    return one


def _client_bits(patron: np.ndarray) -> np.ndarray:
    """[B,P] each person's clients as bits (a client has one patron: the bits are disjoint, so
    their sum is their union, exact in a float64 for a cast up to MAX_BITSET_CAST)."""
    B, P = patron.shape
    return patron_sum(patron, _bit_weights(B, P)).astype(np.int64)


def patron_sum(patron: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """[B,P] for each person, the sum of ``weights`` [B,P] over his clients (float64)."""
    B, P = patron.shape
    slot = np.where(patron >= 0, patron, P) + _slot_offset(B, P)
    n = np.bincount(slot.ravel(), weights=weights.ravel(), minlength=B * (P + 1))
    return n.reshape(B, P + 1)[:, :P]


@lru_cache(maxsize=8)
def _slot_offset(B: int, P: int) -> np.ndarray:
    """[B,1] each game's first slot in ``patron_sum``'s count (a slot per person and one for
    'no patron'), made once for a batch size (read-only)."""
    offset = (P + 1) * np.arange(B)[:, None]
    offset.flags.writeable = False
    return offset


@lru_cache(maxsize=8)
def _bit_weights(B: int, P: int) -> np.ndarray:
    """[B*P] each person's bit as a float64 weight, for every game of a batch (read-only)."""
    weight = np.tile(_bits(P).astype(np.float64), B)
    weight.flags.writeable = False
    return weight


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
    B, P = state.prestige.shape
    hold = np.zeros((B, P + 1), dtype=bool)
    h = np.where(state.holder >= 0, state.holder, P)
    hold[np.arange(B)[:, None], h] = True
    return hold[:, :P]


def politburo_votes(state: State, act: np.ndarray) -> np.ndarray:
    """[B,P] voting members of the Politburo."""
    return state.member[:, :, BODY["politburo"]] & act


def politburo_share(state: State, act: np.ndarray, bits: np.ndarray | None = None,
                    fol: np.ndarray | None = None) -> np.ndarray:
    """[B,P] share of the voting Politburo each person commands."""
    voters = politburo_votes(state, act)
    n = np.maximum(voters.sum(axis=1, keepdims=True), 1)
    return following(state, act, voters, bits, fol) / n


def politburo_majority(state: State, act: np.ndarray) -> np.ndarray:
    """[B,P] commands more than half of the voting Politburo."""
    return politburo_share(state, act) > 0.5


def machine_share(state: State, params: dict, structural: float) -> np.ndarray:
    """[B,R] share of each region's delegates its secretary delivers to his patron.

    New recruits owe their place to the apparatus, so a region swollen by a recruitment drive
    is easier to steer; how much the machine counts at all is the historiography setting.
    """
    recruits = state.cohorts[:, :, 2]
    m = state.sec_loyalty * (params["machine_base"] + params["machine_recruits"] * recruits)
    m = m * (0.5 + structural)
    return clip(np.where(state.sec_patron >= 0, m, 0.0), 0.0, 0.95)


def party_lean(state: State) -> np.ndarray:
    """[B,3] the rank and file's views: each region's lean weighted by its membership."""
    w = state.members / np.maximum(state.members.sum(axis=1, keepdims=True), 1e-6)
    return np.einsum("br,brk->bk", w, state.lean)


def delegates(state: State, params: dict) -> np.ndarray:
    """[B,R] delegates each region sends to a sitting."""
    return np.maximum(np.round(state.members * params["delegates_per_thousand"]), 1.0)


def delegate_share(state: State, params: dict, structural: float) -> np.ndarray:
    """[B,P] share of all delegates delivered by each person's machine."""
    d = delegates(state, params)
    machine = d * machine_share(state, params, structural)            # [B,R]
    B, P = state.patron.shape
    bi = np.arange(B)
    patron = np.where(state.sec_patron >= 0, state.sec_patron, P)
    R = machine.shape[1]
    if B * R * (P + 1) < LARGE:
        # a lone game's: the sum over a [B,R,P] table (a last column for local secretaries)
        table = np.zeros((B, R, P + 1), dtype=machine.dtype)
        table[bi[:, None], np.arange(R)[None, :], patron] = machine
        got = table.sum(axis=1)
    else:
        # region by region, in the order the sum over the table adds them (the same
        # values), without building it
        got = np.zeros((B, P + 1), dtype=machine.dtype)
        for r in range(R):
            got[bi, patron[:, r]] += machine[:, r]
    return got[:, :P] / d.sum(axis=1, keepdims=True)


def cc_share(state: State, act: np.ndarray, bits: np.ndarray | None = None,
             fol: np.ndarray | None = None) -> np.ndarray:
    """[B,P] share of the Central Committee that votes with each person (seats and members)."""
    bits = bloc_bits(state) if bits is None else bits
    in_cc = state.member[:, :, BODY["central_committee"]] & act           # [B,P]
    named = following(state, act, in_cc, bits, fol)                        # [B,P]
    seats = state.cc_seats[:, :-1]                                         # clients by patron
    # a patron's clients follow him, and his allies' clients follow his allies
    cols = np.logical_or.reduce(seats != 0, axis=0).nonzero()[0]
    one = eye(bits.shape[1])
    if bits.size < 1 << 12:                   # a lone game's: the [B,P,patrons] table
        ally = ((bits[:, :, None] & bits[:, None, cols]) != 0) | one[:, cols]
        ally_seats = (ally * seats[:, None, cols]).sum(axis=2)
    else:
        # patron by patron (a handful hold seats): each one's allies, times his clients'
        # seats, summed as the sum over the table adds them, without the table
        ally_seats = sum_terms(((((bits & bits[:, c, None]) != 0) | one[c]) * seats[:, c, None]
                                for c in cols), len(cols)) if len(cols) else \
            np.zeros(bits.shape, dtype=seats.dtype)
    total = in_cc.sum(axis=1) + state.cc_seats.sum(axis=1)
    return (named + ally_seats) / np.maximum(total, 1)[:, None]


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
    seated = holds_any_post(state)
    for body in range(state.member.shape[2]):    # body by body: ``any`` over the short last
        seated |= state.member[:, :, body]       # axis costs five times as much at a large batch
    return seated


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
