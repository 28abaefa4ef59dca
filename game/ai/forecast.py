"""The rivals' model of a vote: who would carry a motion if it were moved now.

A computer leader should only move against a rival when the vote will pass. Calling the
engine's vote for every candidate motion would be slow, so this module rebuilds the same
arithmetic (game.engine.votes) for many candidate motions at once and without the voters'
personal noise: the *pull* of each person on each voter is computed once a turn, and a
motion's score for a voter is the sponsor's pull minus the target's, plus the motion's own
terms. What comes out is the expected share of the votes for, per candidate. (A test checks
it against the engine's own count.)

Shapes: B games, N leaders (the sponsors), T candidates per leader, V = P voters. ``games``
restricts a forecast to the games that need one (the rest get a share of 0).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..engine import power
from ..engine.actions import POWER
from ..engine.state import BODY, IND, State

if TYPE_CHECKING:
    from ..engine.game import Game
    from .context import Context

SITTINGS = ("congress", "conference")
F = np.float32
# per-game arrays a subset of games keeps (the rest are constants of the turn)
_BATCHED = ("X", "G", "Bu", "D", "lean", "Dl", "speech", "act", "ideo", "seats", "unattached",
            "n_control", "control_lead", "d", "loyal_d", "Dr", "reg_lean", "sec_patron")


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
        P = g.P
        al = ctx.allied.astype(F)                                 # [B,x,v] symmetric
        pat = s.patron.astype(np.int64)
        px = np.arange(P)
        client = pat[:, None, :] == px[None, :, None]             # [B,x,v] v is x's client
        pa = np.take_along_axis(ctx.allied, np.broadcast_to(np.maximum(pat, 0)[:, :, None],
                                                            ctx.allied.shape), axis=1)
        pa = np.swapaxes(pa, 1, 2) & (pat >= 0)[:, None, :] & ~client   # al[pat[v], x]
        pres = s.prestige.astype(F)
        coer = ctx.coercion
        fac = (ctx.ban[:, None] & ctx.faction).astype(F)
        # X[x, v]: how much person x pulls voter v his way (no ideology, no speech)
        self.X = (A * al + Rr * np.swapaxes(s.relations, 1, 2)
                  + Pt * s.loyalty[:, None, :] * (client + 0.5 * pa)
                  + (self.Pr / 50.0) * pres[:, :, None]
                  + Fe * coer[:, :, None] * (1.0 - pres[:, None, :] / 100.0)
                  + 0.5 * Fe * s.intel
                  - Dc * fac[:, :, None]).astype(F)
        # G[x]: the same for anonymous groups (prestige, half the fear, discipline)
        self.G = ((self.Pr / 50.0) * pres + 0.5 * Fe * coer - Dc * fac).astype(F)
        self.ideo = s.ideology.astype(F)
        diff = self.ideo[:, :, None, :] - self.ideo[:, None, :, :]
        self.D = np.sqrt((diff * diff).sum(axis=3))               # [B,x,v] distances
        self.lean = ctx.lean                                      # [B,3] party mean
        dl = self.lean[:, None, :] - self.ideo
        self.Dl = np.sqrt((dl * dl).sum(axis=2))                  # [B,x]
        self.affinity = np.where(g.leaders, 0.3, 1.0).astype(F)   # [V]
        self.speech = s.speech.astype(F)
        self.act = ctx.act
        self.member = s.member
        self.seats = s.cc_seats[:, :-1].astype(F)                 # [B,P] clients by patron
        self.unattached = s.cc_seats[:, -1].astype(F)
        self._control(g, s)
        self._regions(g, s)

    def subset(self, games: np.ndarray) -> "Forecast":
        out = object.__new__(Forecast)
        out.__dict__.update(self.__dict__)
        for name in _BATCHED + ("member",):
            setattr(out, name, getattr(self, name)[games])
        return out

    # ------------------------------------------------------------------ shares
    def duel(self, targets: np.ndarray, body: str, personal: bool = True,
             bureaucratic: float = 0.0, games: np.ndarray | None = None) -> np.ndarray:
        """[B,N,T] expected share of votes for a motion each leader moves against targets
        [B,N,T] (person indices) in ``body``."""
        if games is not None:
            out = np.zeros(targets.shape, dtype=F)
            if len(games):
                out[games] = self.subset(games).duel(targets[games], body, personal,
                                                     bureaucratic)
            return out
        lead = self.lead
        tg = np.maximum(targets, 0)
        bi = np.arange(targets.shape[0])[:, None, None]
        total = self.X[:, lead, :][:, :, None, :] - self.X[bi, tg]      # [B,N,T,V]
        free = self.G[:, lead][:, :, None] - self.G[bi, tg]              # [B,N,T]
        if personal:
            total += (self.W_ideo / 2.0) * (self.D[bi, tg] - self.D[:, lead, :][:, :, None, :])
            free = free + (self.W_ideo / 2.0) * (self.Dl[bi, tg] - self.Dl[:, lead][:, :, None])
        if bureaucratic:
            total += (bureaucratic * self.Bu)[:, None, None, None] * self.affinity
            free = free + (bureaucratic * self.Bu)[:, None, None]
        sitting = body in SITTINGS
        if sitting:
            sp = self.sway * (self.speech[:, lead][:, :, None] - self.speech[bi, tg])
            total += sp[..., None]
            free = free + sp
        yes = self._yes(total, targets)
        if sitting:
            score = free[..., None] + self._region_ideo_duel(tg, personal)
            return self._delegations(yes, score)
        return self._share(yes, free, body)

    def line(self, directions: np.ndarray, bureaucratic: np.ndarray, body: str,
             games: np.ndarray | None = None) -> np.ndarray:
        """[B,N,T] expected share for resolutions each leader might move: ``directions``
        [B,N,T,3] (unit vectors), ``bureaucratic`` [B,N,T]."""
        if games is not None:
            out = np.zeros(bureaucratic.shape, dtype=F)
            if len(games):
                out[games] = self.subset(games).line(directions[games], bureaucratic[games],
                                                     body)
            return out
        lead = self.lead
        base = self.X[:, lead, :] - (self.Pr * 35.0 / 50.0)                # [B,N,V]
        ideo_v = (directions[:, :, :, None, :] * self.ideo[:, None, None, :, :]).sum(axis=4)
        total = base[:, :, None, :] + self.W_ideo * ideo_v \
            + (bureaucratic * self.Bu[:, None, None])[..., None] * self.affinity
        rest = (self.G[:, lead] - self.Pr * 35.0 / 50.0)[:, :, None] \
            + bureaucratic * self.Bu[:, None, None]
        sitting = body in SITTINGS
        if sitting:
            sp = self.sway * self.speech[:, lead][:, :, None]
            total += sp[..., None]
            rest = rest + sp
        yes = self._yes(total, None)
        if sitting:
            ideo_r = (directions[:, :, :, None, :] * self.reg_lean[:, None, None, :, :]).sum(4)
            return self._delegations(yes, self.W_ideo * ideo_r + rest[..., None])
        free = rest + self.W_ideo * (directions * self.lean[:, None, None, :]).sum(axis=3)
        return self._share(yes, free, body)

    # ------------------------------------------------------------------ pieces
    def _yes(self, total: np.ndarray, targets) -> np.ndarray:
        """[B,N,T,V] would vote for (active voters only); the sponsor for, the target against."""
        yes = total > 0
        yes[:, np.arange(len(self.lead)), :, self.lead] = True
        if targets is not None:
            np.put_along_axis(yes, np.maximum(targets, 0)[..., None], targets[..., None] < 0,
                              axis=3)
        return yes & self.act[:, None, None, :]

    def _share(self, yes: np.ndarray, free: np.ndarray, body: str) -> np.ndarray:
        member = self.member
        if body == "politburo":
            voters = member[:, :, BODY["politburo"]] & self.act
        elif body == "central_committee":
            voters = member[:, :, BODY["central_committee"]] & self.act
        else:
            voters = (member[:, :, BODY["central_committee"]]
                      | member[:, :, BODY["control_commission"]]) & self.act
        n = voters.sum(axis=1).astype(F)[:, None, None]
        vf = (yes & voters[:, None, None, :]).sum(axis=3).astype(F)
        if body == "politburo":
            return vf / np.maximum(n, 1.0)
        seats = self.seats * self.act                         # patrons in politics
        loyal = seats * self.follow
        fixed = (yes * loyal[:, None, None, :]).sum(axis=3)
        all_seats = (self.seats.sum(axis=1) + self.unattached)[:, None, None]
        floating = all_seats - loyal.sum(axis=1)[:, None, None]
        gf = fixed + _sigmoid_votes(free, floating, self.sharp)
        total = n + all_seats
        if body == "joint_plenum":
            nc = self.n_control[:, None, None]
            lead = self.control_lead
            has = (lead >= 0)[:, None, None]
            pv = yes[np.arange(yes.shape[0]), :, :, np.maximum(lead, 0)]          # [B,N,T]
            active = has & self.act[np.arange(yes.shape[0]), np.maximum(lead, 0)][:, None, None]
            loyal_c = nc * self.follow * active
            gf = gf + loyal_c * pv + _sigmoid_votes(free, nc - loyal_c, self.sharp)
            total = total + nc
        return (vf + gf) / np.maximum(total, 1.0)

    def _control(self, g: "Game", s: State) -> None:
        self.n_control = (s.cc_seats.sum(axis=1) * 0.6).astype(F)
        chair = np.full(s.batch, -1, dtype=np.int64)
        for k in np.flatnonzero(g.post_powers[:, POWER["control"]]):
            chair = np.where(s.holder[:, k] >= 0, s.holder[:, k], chair)
        pat = np.where(chair >= 0, s.patron[np.arange(s.batch), np.maximum(chair, 0)], -1)
        self.control_lead = np.where(pat >= 0, pat, chair)

    def _regions(self, g: "Game", s: State) -> None:
        self.d = power.delegates(s, g.params).astype(F)                       # [B,R]
        self.loyal_d = np.round(self.d * power.machine_share(s, g.params, g.structural))
        self.reg_lean = s.lean.astype(F)
        dl = self.reg_lean[:, None, :, :] - self.ideo[:, :, None, :]          # [B,x,R,3]
        self.Dr = np.sqrt((dl * dl).sum(axis=3))                              # [B,x,R]
        self.sec_patron = s.sec_patron.astype(np.int64)

    def _region_ideo_duel(self, tg: np.ndarray, personal: bool) -> np.ndarray:
        """[B,N,T,R] the ideological pull of each region's free delegates in a duel."""
        if not personal:
            return np.zeros(tg.shape + (self.d.shape[1],), dtype=F)
        bi = np.arange(tg.shape[0])[:, None, None]
        return (self.W_ideo / 2.0) * (self.Dr[bi, tg] - self.Dr[:, self.lead][:, :, None, :])

    def _delegations(self, yes: np.ndarray, score: np.ndarray) -> np.ndarray:
        pat = self.sec_patron                                                 # [B,R]
        idx = np.broadcast_to(np.maximum(pat, 0)[:, None, None, :], yes.shape[:3] + pat.shape[1:])
        led = (pat >= 0)[:, None, None, :] & \
            np.take_along_axis(self.act[:, None, None, :], idx, axis=3)       # patron in politics
        pv = np.take_along_axis(yes, idx, axis=3)
        d = self.d[:, None, None, :]
        loyal = self.loyal_d[:, None, None, :] * led
        f = loyal * pv + np.round(_sigmoid_votes(score, d - loyal, self.sharp))
        return f.sum(axis=3) / np.maximum(self.d.sum(axis=1), 1.0)[:, None, None]


def body_for(g: "Game", turn: int, body: str) -> str:
    """The body that actually votes: a sitting's business goes to the Central Committee
    between sittings."""
    i = g.sitting_at.get(turn)
    sitting = g.scenario.sittings[i].kind if i is not None else None
    if body in SITTINGS:
        return sitting or "central_committee"
    return body
