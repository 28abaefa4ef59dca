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
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..engine import defiance, votes
from ..engine.arith import along_last, distinct, dot3, norm3
from ..engine.state import BODY, IND, State

if TYPE_CHECKING:
    from ..engine.game import Game
    from .context import Context

SITTINGS = ("congress", "conference")
F = np.float32


def _sigmoid_votes(score: np.ndarray, n: np.ndarray, sharp: float) -> np.ndarray:
    return n / (1.0 + np.exp(-sharp * score))


class Forecast:
    """Per-turn pulls and the vote estimator for a batch (see the module docstring)."""

    def __init__(self, g: "Game", s: State, ctx: "Context"):
        self.g, self.lead = g, ctx.lead
        W, sig = g.weights, g.structural
        self.sharp = g.params["vote_sharpness"]
        self.follow = g.params["client_loyalty"] * min(1.0, 0.5 + sig)
        A, Rr = W.alliance * (1.5 - sig), W.relations * (1.5 - sig)
        Pt, self.Pr = W.patronage * (0.5 + sig), W.prestige * (1.5 - sig)
        Fe, Dc = W.fear * (0.5 + sig), W.discipline
        self.W_ideo = W.ideology
        self.sway = g.params["speech_sway"]
        self.Bu = W.bureaucracy * (0.5 + sig) * s.ind[:, IND["bureaucracy"]].astype(F) / 100.0
        self.coef = (A, Rr, Pt, Fe, Dc)
        self.al = ctx.allied
        self.bits = ctx.bits
        self.against_bits = g.against_bits
        self.relT = np.swapaxes(s.relations, 1, 2)                # [B,x,v] v's regard for x
        self.pat = s.patron.astype(np.int64)
        self.patron = s.patron
        self.loyalty = s.loyalty.astype(F)
        self.intel = s.intel
        self.pres = s.prestige.astype(F)
        pres = self.pres
        coer = ctx.coercion
        fac = (ctx.ban[:, None] & ctx.faction).astype(F)
        self.coer, self.fac = coer, fac
        # a motion taking a man's post or seat before any verdict on him loses the party's
        # norms (votes._verdict)
        self.unjudged = (~defiance.judged(g, s, ctx.faction)).astype(F)
        self.ideo = s.ideology.astype(F)
        # the same, axis by axis ([B,x] each): a motion's distances are read from three
        # contiguous gathers rather than a strided [M,V,3] one
        i = self.ideo
        self.ideo_ax = (np.ascontiguousarray(i[:, :, 0]), np.ascontiguousarray(i[:, :, 1]),
                        np.ascontiguousarray(i[:, :, 2]))
        # pulls are computed for the (game, person) pairs the motions read, when first read:
        # a turn reads a few of them (the sponsors and targets of the motions worth reading)
        self.X = np.empty((s.batch, g.P, g.P), dtype=F)          # [B,x,V], valid where _have
        self._have = np.zeros((s.batch, g.P), dtype=bool)
        self._patron_bits = along_last(self.bits, np.maximum(self.pat, 0))     # [B,V] blocs
        # G[x]: the same for anonymous groups (prestige, half the fear, discipline)
        self.G = ((self.Pr / 50.0) * pres + 0.5 * Fe * coer - Dc * fac).astype(F)
        self.lean = ctx.lean                                      # [B,3] party mean
        dl = self.lean[:, None, :] - self.ideo
        self.Dl = np.sqrt(norm3(dl))                  # [B,x]
        self.affinity = np.where(g.leaders, 0.3, 1.0).astype(F)   # [V]
        self.speech = s.speech.astype(F)
        self.act = ctx.act
        self.member = s.member
        self._bodies: dict = {}
        self.seats = s.cc_seats[:, :-1].astype(F)                 # [B,P] clients by patron
        self.unattached = s.cc_seats[:, -1].astype(F)
        self.seats_whole = np.round(self.seats).sum(axis=1)
        self._control(g, s)
        self._regions(s, ctx)

    def _pull(self, b: np.ndarray, who: np.ndarray) -> np.ndarray:
        """[M,V] how much ``who`` pulls each voter of game ``b`` his way (no ideology, no
        speech), worked out for the pairs not read before."""
        need = ~self._have[b, who]
        if need.any():
            key = distinct(b[need] * self._have.shape[1] + who[need])
            nb, nx = np.divmod(key, self._have.shape[1])
            self.X[nb, nx] = self._pulls_at(nb, nx)
            self._have[nb, nx] = True
        return self.X[b, who]

    def _pulls_at(self, b: np.ndarray, x: np.ndarray) -> np.ndarray:
        """[K,V] the pulls of the pairs (game ``b``, person ``x``), cell by cell: the same
        values to the last bit as a [B,k,V] table of them (the forecast's former form)."""
        A, Rr, Pt, Fe, Dc = self.coef
        pat = self.pat[b]                                                      # [K,V]
        patron = self.patron[b]
        client = patron == x.astype(patron.dtype)[:, None]
        al_x = self.al[b, x]                                                   # [K,P]
        # x allied with v's patron (a bloc in common; x himself is the client case)
        pa = (self.bits[b, x][:, None] & self._patron_bits[b]) != 0
        pa &= (pat >= 0) & ~client
        pres = self.pres
        # A * allied and client + 0.5 * allied with the patron (never both) as choices among
        # the products they take (the same values and types), not as arithmetic on tables
        return (np.where(al_x, A * F(1.0), A * F(0.0)) + Rr * self.relT[b, x]
                + Pt * self.loyalty[b] * np.where(client, F(1.0),
                                                  np.where(pa, F(0.5), F(0.0)))
                + (self.Pr / 50.0) * pres[b, x][:, None]
                + Fe * self.coer[b, x][:, None] * (1.0 - pres[b] / 100.0)
                + 0.5 * Fe * self.intel[b, x]
                # the ban weighs with those outside x's faction (votes._discipline)
                - Dc * np.where(al_x, F(0.0), self.fac[b, x][:, None])).astype(F, copy=False)

    def _conspiracy(self, b: np.ndarray, sponsor: np.ndarray) -> np.ndarray:
        """[M,V] the members of a bloc formed against the mover vote his motions down
        (votes._conspirators), and their clients follow them (half the patronage, as for a
        patron's ally): the mover's side only, so not part of ``_pull``."""
        A, Pt = self.coef[0], self.coef[2]
        against = self.against_bits[sponsor][:, None]
        foe = (self.bits[b] & against) != 0
        client = ((self._patron_bits[b] & against) != 0) & (self.pat[b] >= 0)
        return (np.where(foe, -A, F(0.0))
                - np.where(client, F(0.5) * Pt * self.loyalty[b], F(0.0))).astype(F, copy=False)

    def _views(self, b: np.ndarray) -> tuple:
        """The voters' views in the games ``b``, axis by axis ([M,V] each)."""
        i0, i1, i2 = self.ideo_ax
        return i0[b], i1[b], i2[b]

    def _distance(self, b: np.ndarray, who: np.ndarray, views: tuple) -> np.ndarray:
        """[M,V] how far the views of ``who`` (in game ``b``) are from each voter's
        (``views``: ``_views(b)``): worked out for the motions read, not for every game and
        person. (norm3's sum, axis by axis: the same values.)"""
        i0, i1, i2 = self.ideo_ax
        d = (i0[b, who][:, None] - views[0], i1[b, who][:, None] - views[1],
             i2[b, who][:, None] - views[2])
        return np.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2])

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
        sp = self.lead[n]
        total = self._pull(b, sp) - self._pull(b, target) + self._conspiracy(b, sp)   # [M,V]
        free = self.G[b, sp] - self.G[b, target]                             # [M]
        if personal:
            views = self._views(b)
            total += (self.W_ideo / 2.0) * (self._distance(b, target, views)
                                            - self._distance(b, sp, views))
            free = free + (self.W_ideo / 2.0) * (self.Dl[b, target] - self.Dl[b, sp])
        if bureaucratic:
            total += (bureaucratic * self.Bu[b])[:, None] * self.affinity
            free = free + bureaucratic * self.Bu[b]
        if np.any(takes):
            verdict = -self.coef[4] * self.unjudged[b, target] * takes
            total += verdict[:, None]
            free = free + verdict
        sitting = body in SITTINGS
        if sitting:
            speech = self.sway * (self.speech[b, sp] - self.speech[b, target])
            total += speech[:, None]
            free = free + speech
        yes = self._yes(total, b, sp, target)
        if sitting:
            score = free[:, None]
            if personal:
                score = score + (self.W_ideo / 2.0) * (self._region_distance(b, target)
                                                       - self._region_distance(b, sp))
            return self._delegations(yes, score, b)
        return self._share(yes, free, body, b)

    def line(self, b: np.ndarray, n: np.ndarray, directions: np.ndarray,
             bureaucratic: np.ndarray, bodies) -> np.ndarray:
        """[M] expected share for resolutions leader ``n`` might move in game ``b``:
        ``directions`` [M,3] (unit vectors), ``bureaucratic`` [M], ``bodies`` a body name or
        [M] names (the voters' minds are read once for all bodies)."""
        M = len(b)
        if not M:
            return np.zeros(0, dtype=F)
        bodies = np.broadcast_to(np.asarray(bodies), (M,))
        sp = self.lead[n]
        base = self._pull(b, sp) + self._conspiracy(b, sp) - (self.Pr * 35.0 / 50.0)  # [M,V]
        v = self._views(b)
        ideo_v = directions[:, 0, None] * v[0] + directions[:, 1, None] * v[1] + \
            directions[:, 2, None] * v[2]                                     # [M,V] (dot3)
        bur = bureaucratic * self.Bu[b]
        total = base + self.W_ideo * ideo_v + bur[:, None] * self.affinity
        rest = self.G[b, sp] - self.Pr * 35.0 / 50.0 + bur
        out = np.zeros(M, dtype=F)
        plain = None
        for name in distinct(bodies):
            i = np.flatnonzero(bodies == name)
            if str(name) in SITTINGS:
                speech = self.sway * self.speech[b[i], sp[i]]
                yes = self._yes(total[i] + speech[:, None], b[i], sp[i], None)
                ideo_r = dot3(directions[i, None, :], self.reg_lean[b[i]])  # [m,R]
                out[i] = self._delegations(yes, self.W_ideo * ideo_r
                                           + (rest[i] + speech)[:, None], b[i])
            else:
                plain = self._yes(total, b, sp, None) if plain is None else plain
                free = rest[i] + self.W_ideo * dot3(directions[i], self.lean[b[i]])
                out[i] = self._share(plain[i], free, str(name), b[i])
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
        w = F(g.params["promotion_candidate_share"])
        sp = self.lead[n]
        base = self.Pr * 35.0 / 50.0
        bench = g.params["promotion_bench_weight"] * \
            self.member[b, candidate, BODY["politburo_candidate"]]
        total = (1 - w) * (self._pull(b, sp) + self._conspiracy(b, sp) - base) + \
            w * (self._pull(b, candidate) + self._conspiracy(b, candidate) - base
                 + bench[:, None])
        free = (1 - w) * (self.G[b, sp] - base) + w * (self.G[b, candidate] - base + bench)
        yes = self._yes(total, b, sp, None)
        yes[np.arange(M), candidate] = self.act[b, candidate]        # the man put up is for it
        return self._share(yes, free, body, b)

    # ------------------------------------------------------------------ pieces
    def _yes(self, total: np.ndarray, b, sponsor, target) -> np.ndarray:
        """[M,V] would vote for (active voters only); the sponsor for, the target against."""
        m = np.arange(len(b))
        yes = total > 0
        yes[m, sponsor] = True
        if target is not None:
            yes[m, target] = False
        return yes & self.act[b]

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
        act = self.act[b]
        voters, count = self._voters(body)
        voters, n = voters[b], count[b]
        vf = (yes & voters).sum(axis=1).astype(F)
        if body == "politburo":
            return vf / np.maximum(n, 1.0)
        # the anonymous seats vote in whole numbers, group by group, as the engine counts
        # them (game.engine.votes._group): each patron's clients, the unattached, the Control
        # Commission (counted in fractions, the forecast called 97.0% of the engine's results
        # in tests/ai/test_forecast.py; so, 99.3%)
        p = _sigmoid_votes(free, 1.0, self.sharp)[:, None]                    # [M,1]
        seats = self.seats[b]
        loyal = seats * act * self.follow                     # clients of patrons in politics
        gf = np.round(yes * loyal + p * (seats - loyal)).sum(axis=1) + \
            np.round(p[:, 0] * self.unattached[b])
        total = n + self.seats_whole[b] + np.round(self.unattached[b])
        if body == "joint_plenum":
            nc = self.n_control[b]
            lead = self.control_lead[b]
            lc = np.maximum(lead, 0)
            m = np.arange(len(b))
            active = (lead >= 0) & act[m, lc]
            loyal_c = nc * self.follow * active
            gf = gf + np.round(loyal_c * yes[m, lc] + p[:, 0] * (nc - loyal_c))
            total = total + np.round(nc)
        return (vf + gf) / np.maximum(total, 1.0)

    def _control(self, g: "Game", s: State) -> None:
        self.n_control = (s.cc_seats.sum(axis=1) * 0.6).astype(F)
        chair = np.full(s.batch, -1, dtype=np.int64)
        for k in g.power_posts["control"]:
            chair = np.where(s.holder[:, k] >= 0, s.holder[:, k], chair)
        pat = np.where(chair >= 0, s.patron[np.arange(s.batch), np.maximum(chair, 0)], -1)
        self.control_lead = np.where(pat >= 0, pat, chair)

    def _regions(self, s: State, ctx: "Context") -> None:
        self.d = ctx.delegates.astype(F)                                      # [B,R]
        self.loyal_d = np.round(self.d * ctx.machine)
        self.reg_lean = s.lean.astype(F)
        self.sec_patron = s.sec_patron.astype(np.int64)

    def _region_distance(self, b: np.ndarray, who: np.ndarray) -> np.ndarray:
        """[M,R] how far ``who`` (in game ``b``) stands from each region's rank and file."""
        dl = self.reg_lean[b] - self.ideo[b, who][:, None, :]
        return np.sqrt(norm3(dl))

    def _delegations(self, yes: np.ndarray, score: np.ndarray, b) -> np.ndarray:
        pat = self.sec_patron[b]                                              # [M,R]
        pc = np.maximum(pat, 0)
        m = np.arange(len(b))[:, None]
        led = (pat >= 0) & self.act[b[:, None], pc]                           # patron in politics
        d = self.d[b]
        loyal = self.loyal_d[b] * led
        f = loyal * yes[m, pc] + np.round(_sigmoid_votes(score, d - loyal, self.sharp))
        return f.sum(axis=1) / np.maximum(d.sum(axis=1), 1.0)


def body_for(g: "Game", turn: int, body: str) -> str:
    """The body that actually votes: a sitting's business goes to the Central Committee
    between sittings."""
    i = g.sitting_at.get(turn)
    sitting = g.scenario.sittings[i].kind if i is not None else None
    if body in SITTINGS:
        return sitting or "central_committee"
    return body
