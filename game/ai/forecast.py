"""The rivals' model of a vote: who would carry a motion if it were moved now.

A computer leader should only move against a rival when the vote will pass. Calling the
engine's vote for every candidate motion would be slow, so this module rebuilds the same
arithmetic (game.engine.votes) for many candidate motions at once and without the voters'
personal noise: the *pull* of each person on each voter is computed once a turn, and a
motion's score for a voter is the sponsor's pull minus the target's, plus the motion's own
terms. What comes out is the expected share of the votes for, per candidate. (A test checks
it against the engine's own count.)

Candidates are given flat — one entry per motion worth reading: its game ``b``, its sponsor
(``n``, a row of the leaders) and its target — so the work grows with the motions actually
considered, not with the batch. Shapes: M candidates, V = P voters, R regions.

Each kind of motion is read in a compiled loop (game.engine.jit), motion by motion and voter
by voter, which works out who would vote for it and the score of the anonymous seats; a man
is read (his pull on each voter, the conspiracy against him, how far his views are from each
voter's) the first time a motion reads him, and kept for the turn. The seats' chance of
voting for is NumPy's sigmoid (its exponential and the compiled one may differ in the last
bit), and a second loop counts the votes: the named voters' and the seats', or at a congress
or conference the delegations' (whose chance's exponential is NumPy's too). What each game
contributes to every motion (the weight of the ban, the verdicts, the pull on the seats, the
Control Commission) is worked out once a turn in one loop (``_prepare``).
"""
from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

import numpy as np

from ..engine import defiance, votes
from ..engine.jit import F, kernel, row_sum
from ..engine.state import BODY, IND, State

if TYPE_CHECKING:
    from ..engine.game import Game
    from .context import Context

SITTINGS = ("congress", "conference")
_c = np.ascontiguousarray     # a kernel's arrays in one layout, so that it compiles once
# the weights of the terms as float32 (``Forecast.k``: a Python float meets a float32 table
# as float32): alliance, relations, patronage, prestige / 50, fear, half the fear, discipline,
# half the ideology, the ideology, the speech's sway, a motion's own prestige (35 / 50)
_A, _RR, _PT, _PR50, _FE, _FE_HALF, _DC, _IDEO_HALF, _IDEO, _SWAY, _BASE = range(11)


def _sigmoid_votes(score: np.ndarray, n, sharp: float) -> np.ndarray:
    return n / (1.0 + np.exp(-sharp * score))


# ---------------------------------------------------------------------- compiled loops
@kernel
def _read_man(b, x, slot, used, X, C, D, al, bits, patron_bits, patron, relations, loyalty,
              pres, coer, intel, fac, against_bits, ideo, k):
    """The row of the tables where man ``x`` of game ``b`` is read as each voter sees him:
    his row in ``slot`` if he has been read this turn, else the next free one (``used``),
    read now - one row each man, whichever side of a motion he is on. ``X`` how much he pulls
    the voter his way (no ideology, no speech), ``C`` the conspiracy against him when he moves
    a motion, ``D`` how far his views are from the voter's."""
    if slot[b, x] >= 0:
        return slot[b, x]
    r = used[0]
    used[0] = r + 1
    slot[b, x] = r
    A, Rr, Pt, Fe_half, Dc = k[_A], k[_RR], k[_PT], k[_FE_HALF], k[_DC]
    prestige = k[_PR50] * pres[b, x]
    fear = k[_FE] * coer[b, x]
    blocs, foes = bits[b, x], against_bits[x]
    ban = fac[b, x]
    i0, i1, i2 = ideo[b, x, 0], ideo[b, x, 1], ideo[b, x, 2]
    for v in range(X.shape[1]):
        allied = al[b, x, v]
        client = patron[b, v] == x
        # x allied with v's patron (a bloc in common; x himself is the client case)
        pa = (blocs & patron_bits[b, v]) != 0 and patron[b, v] >= 0 and not client
        # A * allied and client + 0.5 * allied with the patron (never both) as choices among
        # the products they take
        tie = F(1.0) if client else (F(0.5) if pa else F(0.0))
        X[r, v] = (A * (F(1.0) if allied else F(0.0)) + Rr * relations[b, v, x]
                   + Pt * loyalty[b, v] * tie
                   + prestige
                   + fear * (F(1.0) - pres[b, v] / F(100.0))
                   + Fe_half * intel[b, x, v]
                   # the ban weighs with those outside x's faction (votes._discipline)
                   - Dc * (F(0.0) if allied else ban))
        # the members of a bloc formed against the mover vote his motions down
        # (votes._conspirators), and their clients follow them (half the patronage, as for a
        # patron's ally): the mover's side only, so not part of the pull
        foe = (bits[b, v] & foes) != 0
        led = (patron_bits[b, v] & foes) != 0 and patron[b, v] >= 0
        C[r, v] = (-A if foe else F(0.0)) - (F(0.5) * Pt * loyalty[b, v] if led else F(0.0))
        d0, d1, d2 = i0 - ideo[b, v, 0], i1 - ideo[b, v, 1], i2 - ideo[b, v, 2]
        D[r, v] = np.sqrt(d0 * d0 + d1 * d1 + d2 * d2)
    return r


@kernel
def _duel(b, sp, tg, takes, personal, bureaucratic, bur_w, sitting, slot, used, X, C, D, al,
          bits, patron_bits, patron, relations, loyalty, pres, coer, intel, fac, against_bits,
          ideo, k, G, Dl, Bu, affinity, unjudged, speech, act):
    """([M,V] who would vote for, [M] the anonymous seats' score) for motions moved by
    ``sp`` against ``tg`` (see ``Forecast.duel``)."""
    M, V = b.shape[0], X.shape[1]
    yes = np.empty((M, V), dtype=np.bool_)
    free = np.empty(M, dtype=F)
    for m in range(M):
        g, s, t = b[m], sp[m], tg[m]
        rs = _read_man(g, s, slot, used, X, C, D, al, bits, patron_bits, patron,
                       relations, loyalty, pres, coer, intel, fac, against_bits, ideo, k)
        rt = _read_man(g, t, slot, used, X, C, D, al, bits, patron_bits, patron,
                       relations, loyalty, pres, coer, intel, fac, against_bits, ideo, k)
        bur = bur_w * Bu[g]
        # a motion taking a man's post or seat before any verdict on him loses the party's
        # norms (votes._verdict)
        verdict = -k[_DC] * unjudged[g, t]
        say = k[_SWAY] * (speech[g, s] - speech[g, t])
        f = G[g, s] - G[g, t]
        if personal:
            f = f + k[_IDEO_HALF] * (Dl[g, t] - Dl[g, s])
        if bureaucratic:
            f = f + bur
        if takes[m]:
            f = f + verdict
        if sitting:
            f = f + say
        free[m] = f
        for v in range(V):
            total = X[rs, v] - X[rt, v] + C[rs, v]
            if personal:
                total = total + k[_IDEO_HALF] * (D[rt, v] - D[rs, v])
            if bureaucratic:
                total = total + bur * affinity[v]
            if takes[m]:
                total = total + verdict
            if sitting:
                total = total + say
            yes[m, v] = total > 0 and act[g, v]
        # the sponsor for, the target against
        yes[m, s] = act[g, s]
        yes[m, t] = False
    return yes, free


@kernel
def _line(b, sp, directions, bureaucratic, sitting, slot, used, X, C, D, al, bits, patron_bits,
          patron, relations, loyalty, pres, coer, intel, fac, against_bits, ideo, k, lean, G, Bu,
          affinity, speech, act):
    """([M,V] who would vote for, [M] the anonymous seats' score: at a sitting, the score
    before the delegates' regional views) for resolutions moved by ``sp`` (see
    ``Forecast.line``)."""
    M, V = b.shape[0], X.shape[1]
    yes = np.empty((M, V), dtype=np.bool_)
    free = np.empty(M, dtype=F)
    for m in range(M):
        g, s = b[m], sp[m]
        rs = _read_man(g, s, slot, used, X, C, D, al, bits, patron_bits, patron,
                       relations, loyalty, pres, coer, intel, fac, against_bits, ideo, k)
        d0, d1, d2 = directions[m, 0], directions[m, 1], directions[m, 2]
        bur = bureaucratic[m] * Bu[g]
        say = k[_SWAY] * speech[g, s]
        sits = sitting[m]
        for v in range(V):
            base = X[rs, v] + C[rs, v] - k[_BASE]
            ideo_v = d0 * ideo[g, v, 0] + d1 * ideo[g, v, 1] + d2 * ideo[g, v, 2]
            total = base + k[_IDEO] * ideo_v + bur * affinity[v]
            if sits:
                total = total + say
            yes[m, v] = total > 0 and act[g, v]
        yes[m, s] = act[g, s]
        rest = G[g, s] - k[_BASE] + bur
        if sits:
            free[m] = rest + say
        else:
            free[m] = rest + k[_IDEO] * (d0 * lean[g, 0] + d1 * lean[g, 1] + d2 * lean[g, 2])
    return yes, free


@kernel
def _promotion(b, sp, candidate, bench, w, slot, used, X, C, D, al, bits, patron_bits, patron,
               relations, loyalty, pres, coer, intel, fac, against_bits, ideo, k, G, act):
    """([M,V] who would vote for, [M] the anonymous seats' score, float64 as the bench's
    weight makes it) for promotions of ``candidate`` moved by ``sp`` (see
    ``Forecast.promotion``): the mover weighs ``1 - w``, the man put up ``w``."""
    M, V = b.shape[0], X.shape[1]
    yes = np.empty((M, V), dtype=np.bool_)
    free = np.empty(M)
    rest = F(1) - w
    w64 = np.float64(w)
    for m in range(M):
        g, s, c = b[m], sp[m], candidate[m]
        rs = _read_man(g, s, slot, used, X, C, D, al, bits, patron_bits, patron,
                       relations, loyalty, pres, coer, intel, fac, against_bits, ideo, k)
        rc = _read_man(g, c, slot, used, X, C, D, al, bits, patron_bits, patron,
                       relations, loyalty, pres, coer, intel, fac, against_bits, ideo, k)
        for v in range(V):
            mover = rest * (X[rs, v] + C[rs, v] - k[_BASE])
            put_up = X[rc, v] + C[rc, v] - k[_BASE]
            total = np.float64(mover) + w64 * (np.float64(put_up) + bench[m])
            yes[m, v] = total > 0 and act[g, v]
        yes[m, s] = act[g, s]
        yes[m, c] = act[g, c]             # the man put up is for it
        free[m] = np.float64(rest * (G[g, s] - k[_BASE])) + \
            w64 * (np.float64(G[g, c] - k[_BASE]) + bench[m])
    return yes, free


@kernel
def _by_name(yes, b, voters, count):
    """[M] the share of the votes for in a body of named voters alone (``voters`` [B,V],
    ``count`` [B] how many)."""
    M, V = yes.shape
    out = np.empty(M, dtype=F)
    for m in range(M):
        g = b[m]
        n = 0
        for v in range(V):
            n += yes[m, v] and voters[g, v]
        out[m] = F(n) / max(count[g], F(1.0))
    return out


@kernel
def _count(yes, p, b, voters, count, seats, seats_whole, act, follow, joint, n_control,
           control_lead):
    """[M] the share of the votes for, the named voters' ``yes`` and the anonymous seats,
    which vote for with chance ``p`` [M] (float32, or float64 for a promotion: the share
    takes its type); ``seats`` [B,V+1]: the Committee's seats held by each patron's clients,
    then the unattached."""
    M, V = yes.shape
    out = np.zeros(M, dtype=p.dtype)            # the anonymous seats' votes, then the share
    for m in range(M):
        g, pm = b[m], p[m]
        named = 0
        # the anonymous seats vote in whole numbers, group by group, as the engine counts
        # them (game.engine.votes._group): each patron's clients, the unattached, the
        # Control Commission (counted in fractions, the forecast called 97.0% of the
        # engine's results in tests/ai/test_forecast.py; so, 99.3%). Whole numbers, so the
        # sum is the same in any order (NumPy's sum adds them pairwise)
        for v in range(V):
            if yes[m, v] and voters[g, v]:
                named += 1
            # clients of patrons in politics
            loyal = (seats[g, v] if act[g, v] else F(0.0)) * follow
            out[m] += np.rint((loyal if yes[m, v] else F(0.0)) + pm * (seats[g, v] - loyal))
        unattached = seats[g, V]
        out[m] += np.rint(pm * unattached)
        total = count[g] + seats_whole[g] + np.rint(unattached)
        if joint:
            nc, lead = n_control[g], control_lead[g]
            lc = max(lead, 0)
            loyal = nc * follow if lead >= 0 and act[g, lc] else F(0.0)
            out[m] += np.rint((loyal if yes[m, lc] else F(0.0)) + pm * (nc - loyal))
            total = total + np.rint(nc)
        out[m] = (F(named) + out[m]) / max(total, F(1.0))
    return out


@kernel
def _prepare(k, bits, patron, pres, coer, flags, ban_flag, faction, judged, ideo, lean, ind,
             bureaucracy, bur_w, seats, holder, control_posts, fac, unjudged, patron_bits, G, Dl,
             Bu, seats_whole, n_control, control_lead):
    """Each game's tables of the turn, into the last nine: ``fac`` the ban's weight on each
    man (in an open faction while factions are banned), ``unjudged`` no standing verdict on
    him (``judged`` [B,P], defiance.judged), ``patron_bits`` his patron's blocs (as ``bits``),
    ``G`` his pull on the anonymous seats, ``Dl`` how far he stands from the party's mean
    views (``lean``), ``Bu`` the weight of the bureaucracy (indicator ``bureaucracy`` of
    ``ind`` times ``bur_w``), ``seats_whole`` the clients' seats in whole numbers,
    ``n_control`` the Control Commission's seats and ``control_lead`` whom they follow."""
    B, P = bits.shape
    for b in range(B):
        ban = flags[b, ban_flag]
        l0, l1, l2 = lean[b, 0], lean[b, 1], lean[b, 2]
        whole = F(0.0)
        for x in range(P):
            fac[b, x] = F(1.0) if ban and faction[b, x] else F(0.0)
            unjudged[b, x] = F(0.0) if judged[b, x] else F(1.0)
            patron_bits[b, x] = bits[b, max(patron[b, x], 0)]
            # the same for anonymous groups (prestige, half the fear, discipline)
            G[b, x] = k[_PR50] * pres[b, x] + k[_FE_HALF] * coer[b, x] - k[_DC] * fac[b, x]
            d0, d1, d2 = l0 - ideo[b, x, 0], l1 - ideo[b, x, 1], l2 - ideo[b, x, 2]
            Dl[b, x] = np.sqrt(d0 * d0 + d1 * d1 + d2 * d2)
            # whole numbers: the same in any order
            whole += np.rint(seats[b, x])
        seats_whole[b] = whole
        Bu[b] = bur_w * ind[b, bureaucracy] / F(100.0)
        # the Control Commission sits with the Committee at a joint plenum: 0.6 of its seats
        n_control[b] = row_sum(seats[b]) * F(0.6)
        # its chairman's patron leads it, or he himself
        chair = -1
        for j in range(control_posts.shape[0]):
            if holder[b, control_posts[j]] >= 0:
                chair = holder[b, control_posts[j]]
        lead = patron[b, chair] if chair >= 0 else -1
        control_lead[b] = lead if lead >= 0 else chair


@kernel
def _duel_at_sitting(b, sp, tg, personal, free, reg_lean, ideo, half_ideology, minus_sharp):
    """[M,R] the score of each region's delegates for motions moved by ``sp`` against ``tg``
    (``free`` [M], the anonymous seats' score; with ``personal``, how much farther the
    target stands from the region's rank and file than the sponsor, ``half_ideology`` a
    term), times ``minus_sharp``: the exponent of their chance of voting for."""
    M, R = b.shape[0], reg_lean.shape[1]
    out = np.empty((M, R), dtype=F)
    for m in range(M):
        g, s, t = b[m], sp[m], tg[m]
        for r in range(R):
            score = free[m]
            if personal:
                score = score + half_ideology * (_distance(reg_lean, ideo, g, r, t)
                                                 - _distance(reg_lean, ideo, g, r, s))
            out[m, r] = minus_sharp * score
    return out


@kernel
def _distance(reg_lean, ideo, g, r, x):
    """How far man ``x`` stands from region ``r``'s rank and file in game ``g``."""
    d0 = reg_lean[g, r, 0] - ideo[g, x, 0]
    d1 = reg_lean[g, r, 1] - ideo[g, x, 1]
    d2 = reg_lean[g, r, 2] - ideo[g, x, 2]
    return np.sqrt(d0 * d0 + d1 * d1 + d2 * d2)


@kernel
def _line_at_sitting(b, directions, free, reg_lean, ideology, minus_sharp):
    """[M,R] as ``_duel_at_sitting`` for resolutions of ``directions`` [M,3]: the anonymous
    seats' score ``free`` [M] and how far each region's rank and file stands with the line."""
    M, R = b.shape[0], reg_lean.shape[1]
    out = np.empty((M, R), dtype=F)
    for m in range(M):
        g = b[m]
        d0, d1, d2 = directions[m, 0], directions[m, 1], directions[m, 2]
        for r in range(R):
            ideo_r = d0 * reg_lean[g, r, 0] + d1 * reg_lean[g, r, 1] + d2 * reg_lean[g, r, 2]
            out[m, r] = minus_sharp * (ideology * ideo_r + free[m])
    return out


@kernel
def _delegated(yes, e, b, delegates, machine, sec_patron, act):
    """[M] the share of the delegates' votes for at a sitting: each region's secretary
    delivers the delegates of his patron's machine (``machine``) as his patron votes
    (``yes`` [M,V]) if the patron is in politics, and the rest vote for with the chance
    ``1 / (1 + e)`` [M,R], in whole numbers, region by region."""
    M, R = e.shape
    votes_for = np.empty(R, dtype=F)
    seats = np.empty(R, dtype=F)
    out = np.empty(M, dtype=F)
    for m in range(M):
        g = b[m]
        for r in range(R):
            pat = sec_patron[g, r]
            pc = max(pat, 0)
            d = delegates[g, r]
            # the machine's delegates follow a patron in politics
            loyal = np.rint(d * machine[g, r]) if pat >= 0 and act[g, pc] else F(0.0)
            votes_for[r] = (loyal if yes[m, pc] else F(0.0)) + \
                np.rint((d - loyal) / (F(1.0) + e[m, r]))
            seats[r] = d
        # added as NumPy's sum adds a row
        out[m] = row_sum(votes_for) / max(row_sum(seats), F(1.0))
    return out


def _groups(names: np.ndarray) -> list[tuple[str, np.ndarray]]:
    """[(name, rows)] the rows of each distinct name in ``names``: a few names over many
    rows, peeled off one by one (cheaper than sorting the strings)."""
    groups, rest = [], np.arange(len(names))
    while len(rest):
        name = names[rest[0]]
        same = names[rest] == name
        groups.append((str(name), rest[same]))
        rest = rest[~same]
    return groups


class Forecast:
    """Per-turn pulls and the vote estimator for a batch (see the module docstring)."""

    def __init__(self, g: "Game", s: State, ctx: "Context"):
        self.g, self.s, self.lead = g, s, ctx.lead
        self.k, self.sharp, self.follow, self.W_ideo, self.affinity = _terms(g)
        self._ctx = ctx
        # the state's own tables, read in place (the rivals do not change the state while
        # they choose their moves)
        self.al = _c(ctx.allied)
        self.bits = _c(ctx.bits)
        self.against_bits = _c(g.against_bits)
        self.relations = _c(s.relations)
        self.patron = _c(s.patron)
        self.loyalty = _c(s.loyalty, dtype=F)
        self.intel = _c(s.intel)
        self.pres = _c(s.prestige, dtype=F)
        self.coer = _c(ctx.coercion)
        self.ideo = _c(s.ideology, dtype=F)
        self.lean = _c(ctx.lean)                                  # [B,3] party mean
        self.speech = _c(s.speech, dtype=F)
        self.act = _c(ctx.act)
        self.member = s.member
        self.cc_seats = _c(s.cc_seats, dtype=F)     # [B,P+1] clients by patron, the unattached
        self.reg_lean = _c(s.lean, dtype=F)           # [B,R,3] the rank and file's views
        self._bodies: dict = {}
        self._games(g, s, ctx)
        # pulls are computed for the (game, person) pairs the motions read, when first read:
        # a turn reads a few of them (the sponsors and targets of the motions worth reading),
        # each into the next free row of the tables ([B*P,V] each, see _read_man), so that
        # the memory written is no more than the rows read
        self._slot = np.full((s.batch, g.P), -1, dtype=np.int64)   # [B,x] his row, or -1
        self._used = np.zeros(1, dtype=np.int64)
        self.X = np.empty((s.batch * g.P, g.P), dtype=F)
        self.C = np.empty((s.batch * g.P, g.P), dtype=F)
        self.D = np.empty((s.batch * g.P, g.P), dtype=F)

    def _games(self, g: "Game", s: State, ctx: "Context") -> None:
        """Each game's tables of the turn (``_prepare``)."""
        B, P = s.batch, g.P
        self.fac = np.empty((B, P), dtype=F)
        self.unjudged = np.empty((B, P), dtype=F)
        self._patron_bits = np.empty((B, P), dtype=self.bits.dtype)
        self.G = np.empty((B, P), dtype=F)
        self.Dl = np.empty((B, P), dtype=F)
        self.Bu = np.empty(B, dtype=F)
        self.seats_whole = np.empty(B, dtype=F)
        self.n_control = np.empty(B, dtype=F)
        self.control_lead = np.empty(B, dtype=np.int64)
        W = g.weights
        _prepare(self.k, self.bits, self.patron, self.pres, self.coer, _c(s.flags),
                 g.fidx["faction_ban"], _c(ctx.faction), defiance.judged(g, s, ctx.faction),
                 self.ideo, self.lean, _c(s.ind, dtype=F), IND["bureaucracy"],
                 F(W.bureaucracy * (0.5 + g.structural)), self.cc_seats, _c(s.holder),
                 g.power_posts["control"], self.fac, self.unjudged, self._patron_bits, self.G,
                 self.Dl, self.Bu, self.seats_whole, self.n_control, self.control_lead)

    def _men(self) -> tuple:
        """The tables of the men read (``_read_man``) and what they are worked out from, in
        the kernels' order."""
        return (self._slot, self._used, self.X, self.C, self.D, self.al, self.bits,
                self._patron_bits, self.patron, self.relations, self.loyalty, self.pres,
                self.coer, self.intel, self.fac, self.against_bits, self.ideo, self.k)

    # ------------------------------------------------------------------ shares
    def duel(self, b: np.ndarray, n: np.ndarray, target: np.ndarray, body: str,
             personal: bool = True, bureaucratic: float = 0.0, takes=False) -> np.ndarray:
        """[M] expected share of votes for motions leader ``n`` moves against ``target`` (a
        person) in game ``b``, voted by ``body``; ``takes`` (a bool or [M]): the motion would
        take his post or seat (votes.TAKES), and so weighs whether the party has passed a
        verdict on him (votes._verdict; the Postscript's exception is the caller's to make:
        defiance.testament_verdict)."""
        M = len(b)
        if not M:
            return np.zeros(0, dtype=F)
        b, target = _c(b, dtype=np.int64), _c(target, dtype=np.int64)
        sp = self.lead[n]
        takes = _c(np.broadcast_to(np.asarray(takes, dtype=bool), (M,)))
        sitting = body in SITTINGS
        yes, free = _duel(b, sp, target, takes, bool(personal), bool(bureaucratic),
                          F(bureaucratic), sitting, *self._men(), self.G, self.Dl, self.Bu,
                          self.affinity, self.unjudged, self.speech, self.act)
        if sitting:
            z = _duel_at_sitting(b, sp, target, bool(personal), free, self.reg_lean, self.ideo,
                                 F(self.W_ideo / 2.0), F(-self.sharp))
            return self._delegations(yes, z, b)
        return self._share(yes, free, body, b)

    def line(self, b: np.ndarray, n: np.ndarray, directions: np.ndarray,
             bureaucratic: np.ndarray, bodies) -> np.ndarray:
        """[M] expected share for resolutions leader ``n`` might move in game ``b``:
        ``directions`` [M,3] (unit vectors), ``bureaucratic`` [M], ``bodies`` a body name or
        [M] names (the voters' minds are read once for all bodies)."""
        M = len(b)
        if not M:
            return np.zeros(0, dtype=F)
        b = _c(b, dtype=np.int64)
        directions = _c(directions, dtype=F)
        groups = _groups(np.broadcast_to(np.asarray(bodies), (M,)))
        sitting = np.zeros(M, dtype=bool)
        for name, i in groups:
            sitting[i] = name in SITTINGS
        sp = self.lead[n]
        yes, free = _line(b, sp, directions, _c(bureaucratic, dtype=F), sitting, *self._men(),
                          self.lean, self.G, self.Bu, self.affinity, self.speech, self.act)
        out = np.zeros(M, dtype=F)
        for name, i in groups:
            if name in SITTINGS:
                z = _line_at_sitting(b[i], directions[i], free[i], self.reg_lean,
                                     F(self.W_ideo), F(-self.sharp))
                out[i] = self._delegations(yes[i], z, b[i])
            else:
                out[i] = self._share(yes[i], free[i], name, b[i])
        return out

    def promotion(self, b: np.ndarray, n: np.ndarray, candidate: np.ndarray,
                  body: str = "central_committee") -> np.ndarray:
        """[M] expected share for the promotion of ``candidate`` to the Politburo moved by
        leader ``n`` in game ``b``: the voters weigh the man put up as well as the mover
        (game.engine.votes._candidate), each as the mover of a motion with no line."""
        M = len(b)
        if not M:
            return np.zeros(0, dtype=F)
        g = self.g
        b, candidate = _c(b, dtype=np.int64), _c(candidate, dtype=np.int64)
        w = F(g.params["promotion_candidate_share"])
        sp = self.lead[n]
        bench = g.params["promotion_bench_weight"] * \
            self.member[b, candidate, BODY["politburo_candidate"]]
        yes, free = _promotion(b, sp, candidate, _c(bench, dtype=np.float64), w,
                               *self._men(), self.G, self.act)
        return self._share(yes, free, body, b)

    # ------------------------------------------------------------------ pieces
    def _voters(self, body: str) -> tuple[np.ndarray, np.ndarray]:
        """([B,V] who votes in ``body``, [B] how many), per game, worked out once a turn."""
        if body not in self._bodies:
            # the forecast reads the plenum's name for what is not the Politburo or the
            # Committee (a joint plenum: the Committee with the Control Commission)
            named = body if body in ("politburo", "central_committee") else "joint_plenum"
            voters = votes.body_voters(self.member, named) & self.act
            self._bodies[body] = voters, voters.sum(axis=1).astype(F)
        return self._bodies[body]

    def _share(self, yes: np.ndarray, free: np.ndarray, body: str, b) -> np.ndarray:
        voters, count = self._voters(body)
        if body == "politburo":
            return _by_name(yes, b, voters, count)
        p = _sigmoid_votes(free, 1.0, self.sharp)
        return _count(yes, p, b, voters, count, self.cc_seats, self.seats_whole, self.act,
                      self.follow, body == "joint_plenum", self.n_control, self.control_lead)

    def _delegations(self, yes: np.ndarray, z: np.ndarray, b: np.ndarray) -> np.ndarray:
        """[M] the share of the delegates' votes for, from who would vote for ([M,V] ``yes``)
        and ``z`` [M,R], each region's anonymous delegates' score times minus the votes'
        sharpness (``_duel_at_sitting``)."""
        ctx = self._ctx
        return _delegated(yes, np.exp(z), b, _c(ctx.delegates, dtype=F), _c(ctx.machine),
                          _c(self.s.sec_patron), self.act)


_TERMS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _terms(g: "Game") -> tuple:
    """(``k`` the weights of the terms, the votes' sharpness, the clients' loyalty to their
    patron, the weight of the ideology, [V] each voter's affinity with the bureaucracy): fixed
    by the scenario, so worked out once per game."""
    if g not in _TERMS:
        W, sig = g.weights, g.structural
        A, Rr = W.alliance * (1.5 - sig), W.relations * (1.5 - sig)
        Pt, Pr = W.patronage * (0.5 + sig), W.prestige * (1.5 - sig)
        Fe, Dc = W.fear * (0.5 + sig), W.discipline
        k = np.array([A, Rr, Pt, Pr / 50.0, Fe, 0.5 * Fe, Dc, W.ideology / 2.0, W.ideology,
                      g.params["speech_sway"], Pr * 35.0 / 50.0], dtype=F)
        k.flags.writeable = False
        affinity = np.where(g.leaders, 0.3, 1.0).astype(F)
        affinity.flags.writeable = False
        _TERMS[g] = (k, g.params["vote_sharpness"],
                     F(g.params["client_loyalty"] * min(1.0, 0.5 + sig)), W.ideology, affinity)
    return _TERMS[g]


def body_for(g: "Game", turn: int, body: str) -> str:
    """The body that actually votes: a sitting's business goes to the Central Committee
    between sittings."""
    i = g.sitting_at.get(turn)
    sitting = g.scenario.sittings[i].kind if i is not None else None
    if body in SITTINGS:
        return sitting or "central_committee"
    return body
