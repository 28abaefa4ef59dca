"""What every computer leader reads from the state before he moves, computed once a turn.

Standing and its parts come from ``game.engine.power``; the threat each leader feels from each
other person is the rivals' own judgement: the other's standing, made worse by distance in
views and personal enmity, softened by alliance, and coloured by character (``threat.<id>``)
and, at higher difficulty, by the rivals closing ranks against the human player.
"""
from __future__ import annotations

import weakref
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

from ..engine import power
from ..engine.arith import clip
from ..engine.jit import kernel
from ..engine.state import BODY, State

if TYPE_CHECKING:
    from ..engine.game import Game
    from .character import Characters

F = np.float32
# the weights of power.standing (kept equal by a test)
STANDING = {"cc": 0.30, "pb": 0.25, "delegates": 0.20, "prestige": 0.25}


class Context:
    def __init__(self, g: "Game", s: State, ch: "Characters", human: np.ndarray,
                 coordinate: float, perception: float = 0.0, shrewd: float = 0.0):
        self.g, self.s = g, s
        self.lead = ch.lead
        self.B, self.N, self.P = s.batch, len(ch.lead), g.P
        act = g.active(s)
        self.act = act
        bits = power.bloc_bits(s)
        self.bits = bits                                                          # [B,P]
        fol = power.followers(s, bits)
        self.pb_share = power.politburo_share(s, act, bits, fol)
        self.cc_share = power.cc_share(s, act, bits, fol)
        self.del_share = power.delegate_share(s, g.params, g.structural)
        st = (STANDING["cc"] * self.cc_share + STANDING["pb"] * self.pb_share
              + STANDING["delegates"] * self.del_share + STANDING["prestige"] * s.prestige / 100.0)
        self.standing = np.where(act & g.leaders[None, :], st, 0.0).astype(F)
        self.ban = s.flags[:, g.fidx["faction_ban"]]
        self.in_pb = s.member[:, :, BODY["politburo"]]
        self.in_cc = s.member[:, :, BODY["central_committee"]]
        self._calendar(g, s)
        self.human = human
        self._threats(g, s, ch, human, coordinate, perception, shrewd)

    # read by the valuation, not by an event chooser's quick look at standing and threats
    @cached_property
    def allied(self) -> np.ndarray:
        """[B,P,P] share a bloc (everyone is allied with himself)."""
        return power.allied(self.s, self.bits)

    @cached_property
    def majority(self) -> np.ndarray:
        """[B,L] the bloc commands the Politburo or the Central Committee (a majority, not
        a faction: power.majority_blocs)."""
        return power.majority_blocs(self.s, self.pb_share, self.cc_share)

    @cached_property
    def opposition(self) -> np.ndarray:
        """[B,L] the bloc is an open opposition faction (power.opposition_blocs)."""
        return power.opposition_blocs(self.s, self.g.bloc_secret, self.majority)

    @cached_property
    def faction(self) -> np.ndarray:
        """[B,P] in an open opposition faction (power.open_faction)."""
        return power.open_faction(self.s, self.g.bloc_secret, self.majority)

    @cached_property
    def power(self) -> dict:
        return {p: self.g.holds_power(self.s, p)
                for p in ("appoint", "police", "recruit", "press", "comintern")}

    @cached_property
    def coercion(self) -> np.ndarray:
        return (self.power["police"] * self.g.mod["fear"][None, :]).astype(F)

    @cached_property
    def lean(self) -> np.ndarray:
        return power.party_lean(self.s).astype(F)                                      # [B,3]

    @cached_property
    def delegates(self) -> np.ndarray:
        return power.delegates(self.s, self.g.params)                                 # [B,R]

    @cached_property
    def machine(self) -> np.ndarray:
        return power.machine_share(self.s, self.g.params, self.g.structural)         # [B,R]

    @cached_property
    def gensec(self) -> np.ndarray:
        return self._holder_of("appoint")

    def _holder_of(self, pw: str) -> np.ndarray:
        out = np.full(self.B, -1, dtype=np.int64)
        for k in self.g.power_posts[pw]:
            out = np.where(out < 0, self.s.holder[:, k], out)
        return out

    def _calendar(self, g: "Game", s: State) -> None:
        t = s.turn
        self.progress, self.sitting, self.sitting_kind, self.to_congress, total = \
            _calendar(g, t)
        named = self.in_cc.sum(axis=1)
        cc_total = total if total is not None else (named + self.s.cc_seats.sum(axis=1))
        self.free_frac = clip((cc_total - named) / np.maximum(cc_total, 1), 0, 1).astype(F)

    def _threats(self, g: "Game", s: State, ch: "Characters", human: np.ndarray,
                 coordinate: float, perception: float, shrewd: float) -> None:
        """threat [B,N,P]: how much each other leader endangers leader n; rho = threat
        relative to his greatest (1 for the greatest); top = that person (top_val his
        threat); danger = his threat against leader n's own standing."""
        lead = self.lead
        soft = clip(0.2 + 0.25 * ch.ambition, 0.1, 0.8)                              # [N]
        first = 1.0 + (ch.threat[None, :, :] - 1.0) * (1.0 - shrewd)
        if perception:
            first = misjudged(first, perception, s.seed, lead, self.P)
        else:
            first = first - 1.0
        weight = np.where(human, 1.0 + coordinate, 1.0)                              # [P]
        B, N, P = self.B, self.N, self.P
        self.threat = np.empty((B, N, P), dtype=F)
        self.rho = np.empty((B, N, P), dtype=F)
        self.danger = np.empty((B, N, P), dtype=F)
        self.top = np.empty((B, N), dtype=np.int64)
        self.top_val = np.empty((B, N), dtype=F)
        _threats(lead, self.standing, s.ideology, s.relations, self.bits, soft,
                 np.ascontiguousarray(first), first_fade(self, ch), self.pb_share, weight,
                 self.act & g.leaders[None, :],
                 self.threat, self.top, self.top_val, self.rho, self.danger)


@kernel
def _threats(lead, standing, ideology, relations, bits, soft, first, fade, pb_share, weight,
             can, threat, top, top_val, rho, danger):
    """``Context._threats`` into its five outputs. ``first``: [1,N,P] or [B,N,P] each
    leader's first reading of each person less one; ``fade``: [1,N] or [B,N] how much of it
    still holds (first_fade); ``weight``: [P] the rivals' closing of ranks against the human
    player; ``can``: [B,P] an able leader."""
    B, N, P = threat.shape
    for b in range(B):
        bf = b if first.shape[0] > 1 else 0
        bd = b if fade.shape[0] > 1 else 0
        for n in range(N):
            i = lead[n]
            best, at = F(-np.inf), 0
            for p in range(P):
                t = F(0.0)
                if can[b, p] and p != i:
                    t = _threat(b, i, p, standing, ideology, relations, bits, soft[n],
                                first[bf, n, p], fade[bd, n], pb_share[b, p], weight[p])
                threat[b, n, p] = t
                if t > best:
                    best, at = t, p
            top[b, n], top_val[b, n] = at, best
            scale = max(best, F(1e-6))
            mine = standing[b, i] + F(0.05)
            for p in range(P):
                rho[b, n, p] = threat[b, n, p] / scale
                # how dangerous each is in absolute terms: his threat against my own standing
                danger[b, n, p] = min(max(threat[b, n, p] / mine, F(0.0)), F(1.5))


@kernel
def _threat(b, i, p, standing, ideology, relations, bits, soft, first, fade, big_share, weight):
    """How much person ``p`` endangers leader ``i`` in game ``b``: his standing, made worse
    by distance in views and personal enmity, softened by alliance (by ``soft``), coloured by
    the leader's first reading of him (``first``, less one) as far as it still holds
    (``fade``), made worse by his command of the Politburo (``big_share`` over half) if he is
    no ally, times the closing of ranks (``weight``)."""
    dist = (abs(ideology[b, i, 0] - ideology[b, p, 0])
            + abs(ideology[b, i, 1] - ideology[b, p, 1])
            + abs(ideology[b, i, 2] - ideology[b, p, 2])) / F(3.0)
    t = standing[b, p] * (F(0.5) + dist) * \
        (F(1.0) + F(0.5) * max(-relations[b, i, p], F(0.0)))
    allied = (bits[b, i] & bits[b, p]) != 0
    out = np.float64(t)
    if allied:
        out *= soft
    out = out * (1.0 + first * fade)
    if big_share > 0.5 and not allied:
        out *= 1.3
    return F(out * weight)


def first_fade(ctx: Context, ch: "Characters") -> np.ndarray:
    """[1,N] or [B,N] how much of each leader's first impressions still holds (1: all, 0:
    faded): they fade on his clock (``fade``, a share of the game), but a man with ``hold``
    keeps them whole while anyone he feared beyond the balance of forces at the start
    (``threat.<id>`` above 1) still sits in the Central Committee, and after that while the
    line holds: until a policy in force stands against his own views or those of a man he
    regarded (``threat.<id>`` below 1; ``parted``). Stalin and Bukharin held to their alliance
    until the Left was beaten (001: "Later, in 1928, having defeated the Left, Stalin turned
    on Bukharin") and broke over the grain (002: "The division was on how to procure more
    food"). On the clock alone Stalin's regard for Bukharin had mostly faded by 1926 and he
    took Pravda from him in nine games in ten, median 1926-09; with the Left's seats alone,
    in seven in ten, median 1927-09, the month the Left was cast out."""
    clock = np.maximum(0.0, 1.0 - ctx.progress / np.maximum(ch.fade, 1e-3))          # [N]
    held = ch.hold > 0
    if not held.any():
        return clock[None, :]
    feared = (ch.threat > 1.0) & held[:, None]                                  # [N,P]
    regard = (ch.threat < 1.0) & held[:, None]                                  # [N,P]
    regard[held, ch.lead[held]] = True                                     # and his own views
    s = ctx.s
    return _fade(clock, held, feared, regard, ctx.in_cc, ctx.act, s.ideology, stances(ctx.g),
                 s.policy)


@kernel
def _fade(clock, held, feared, regard, in_cc, act, ideology, stands, policy):
    """``first_fade`` [B,N] for leaders some of whom hold their first impressions."""
    B, P = act.shape
    N = clock.shape[0]
    out = np.empty((B, N), dtype=np.float64)
    # only the men someone regards are read: the line parts from them alone
    read = np.zeros(P, dtype=np.bool_)
    for n in range(N):
        for p in range(P):
            read[p] |= regard[n, p]
    split = np.zeros(P, dtype=np.bool_)
    for b in range(B):
        for p in range(P):
            split[p] = read[p] and act[b, p] and _parted(ideology[b, p], stands, policy[b])
        for n in range(N):
            out[b, n] = clock[n]
            if held[n]:
                sitting, parts = False, False
                for p in range(P):
                    sitting |= feared[n, p] and in_cc[b, p] and act[b, p]
                    parts |= regard[n, p] and split[p]
                if sitting or not parts:
                    out[b, n] = 1.0
    return out


PARTS = 0.25    # how far a policy in force may stand against a man's views: the line holds


def parted(ctx: Context, cols: "np.ndarray | None" = None) -> np.ndarray:
    """[B,P] a policy in force stands against the man's views by more than ``PARTS`` (what
    the motion that put it in force says, game.ai.agenda, read against his views): the line
    has parted from him. The forced procurement of 1928 against the Right's views (002:
    "Stalin wanted to seize the grain by force ..., the Right Opposition led by Bukharin
    advocated persuasion instead of force"); from the price cuts of late 1923 to it, no
    policy of the campaign's stood against Bukharin's, Rykov's or Tomsky's views by more than
    a tenth (the trusts' dear prices of 1922-23 did, by 0.24-0.32). With ``cols``: [B,P'] for
    those men alone."""
    cols = np.arange(ctx.P) if cols is None else np.asarray(cols, dtype=np.int64)
    return _parted_cols(ctx.s.ideology, ctx.act, stances(ctx.g), ctx.s.policy, cols)


@kernel
def _parted_cols(ideology, act, stands, policy, cols):
    B = act.shape[0]
    out = np.empty((B, cols.shape[0]), dtype=np.bool_)
    for b in range(B):
        for j in range(cols.shape[0]):
            p = cols[j]
            out[b, j] = act[b, p] and _parted(ideology[b, p], stands, policy[b])
    return out


@kernel
def _parted(views, stands, policy):
    """A policy in force (``policy`` [Q], the option of each) stands against ``views`` [3]
    by more than PARTS (``stands`` [Q,O,3]: what each option says)."""
    for q in range(policy.shape[0]):
        o = policy[q]
        says = views[0] * stands[q, o, 0] + views[1] * stands[q, o, 1] + \
            views[2] * stands[q, o, 2]
        if says < -PARTS:
            return True
    return False


_STANCES: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def stances(g: "Game") -> np.ndarray:
    """[Q,O,3] what each option of each policy says while it stands (game.ai.agenda), once
    per game."""
    if g not in _STANCES:
        from .agenda import build
        _STANCES[g] = build(g, np.flatnonzero(g.leaders)).stands
    return _STANCES[g]


_CALENDAR: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _calendar(g: "Game", t: int) -> tuple:
    """(progress, sitting, its kind, months to the next congress, that congress's seats):
    fixed by the scenario and the turn, so worked out once per game and turn."""
    memo = _CALENDAR.setdefault(g, {})
    if t not in memo:
        sitting = g.sitting_at.get(t)
        kind = g.scenario.sittings[sitting].kind if sitting is not None else None
        later = [u for u, i in g.sitting_at.items()
                 if u >= t and g.scenario.sittings[i].kind == "congress"]
        to_congress = (min(later) - t) * g.turn_months if later else None
        seats = [g.scenario.sittings[g.sitting_at[u]].cc_seats for u in later]
        total = float(seats[0]) if seats and seats[0] else None
        memo[t] = (progress(g, t), sitting, kind, to_congress, total)
    return memo[t]


ERA = ("1922-04", "1929-12")    # the years the characters (game.ai.character) were drawn for


def progress(g: "Game", turn: int) -> float:
    """How far the struggle has gone, 0..1: patience, escalation and first impressions are
    measured on this clock. A scenario set within 1922-29 (the campaign, its start points, a
    what-if) is read on the historical calendar, so that a game opened in 1926 finds the men
    of 1926; any other scenario on its own calendar."""
    from ..engine.calendar import month_index
    a, b = month_index(ERA[0]), month_index(ERA[1])
    if a <= g.start and g.end <= b:
        return float(clip((g.month(turn) - a) / (b - a), 0.0, 1.0))
    return turn / max(g.n_turns - 1, 1)


_IMPRESSIONS: dict = {}
_MISJUDGED: dict = {}


def misjudged(first: np.ndarray, perception: float, seed: np.ndarray, lead: np.ndarray,
              P: int) -> np.ndarray:
    """[B,N,P] ``first`` (each leader's first reading of each person) times his misjudgement
    in this game, ``exp(perception * impressions)``, less one: the same every turn of a batch,
    so worked out once and kept (read-only) for the batch's next turns."""
    first = np.asarray(first)
    key = (np.asarray(seed).tobytes(), lead.tobytes(), P, perception, first.shape,
           first.dtype.str, first.tobytes())
    out = _MISJUDGED.get(key)
    if out is None:
        if len(_MISJUDGED) > 16:
            _MISJUDGED.clear()
        out = first * np.exp(perception * impressions(seed, lead, P)) - 1.0
        out.flags.writeable = False
        _MISJUDGED[key] = out
    return out


def impressions(seed: np.ndarray, lead: np.ndarray, P: int) -> np.ndarray:
    """[B,N,P] each leader's misjudgement of each person in this game: drawn once per game
    (turn 0 of the rivals' draws), mean 0, spread 1. Kept for the batch's next turns."""
    from ..engine import rng
    key = (np.asarray(seed).tobytes(), lead.tobytes(), P)
    out = _IMPRESSIONS.get(key)
    if out is None:
        if len(_IMPRESSIONS) > 16:
            _IMPRESSIONS.clear()
        k = (1 << 30) + lead[:, None] * 4096 + np.arange(P)
        u = rng.uniform(seed, 0, rng.SITES["ai"], k)
        out = ((u - 0.5) * np.sqrt(12.0)).astype(F)
        out.flags.writeable = False
        _IMPRESSIONS[key] = out
    return out
