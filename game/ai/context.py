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
from ..engine.arith import LARGE, along_last, clip, eye
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
        bits = self.bits
        return ((bits[:, :, None] & bits[:, None, :]) != 0) | eye(self.P)

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
        relative to his greatest (1 for the greatest); top = that person."""
        lead = self.lead
        st = self.standing
        # dist3 of the leaders' views and everyone's, axis by axis on contiguous [B,P] arrays
        # (the same sum in the same order)
        ax = s.ideology.transpose(2, 0, 1)                                         # [3,B,P]
        if ax.size >= LARGE:
            ax = np.ascontiguousarray(ax)
        dist = (np.abs(ax[0][:, lead, None] - ax[0][:, None, :])
                + np.abs(ax[1][:, lead, None] - ax[1][:, None, :])
                + np.abs(ax[2][:, lead, None] - ax[2][:, None, :])) / 3.0
        rel = s.relations[:, lead, :]                                              # [B,N,P]
        bits = self.bits                                      # the leaders' rows of ``allied``
        allied = ((bits[:, lead, None] & bits[:, None, :]) != 0) | eye(self.P)[lead]
        soft = clip(0.2 + 0.25 * ch.ambition, 0.1, 0.8)[None, :, None]
        t = st[:, None, :] * (0.5 + dist) * (1.0 + 0.5 * np.maximum(-rel, 0.0))
        fade = first_fade(self, ch)[..., None]
        first = 1.0 + (ch.threat[None, :, :] - 1.0) * (1.0 - shrewd)
        if perception:
            first = misjudged(first, perception, s.seed, lead, self.P)
        else:
            first = first - 1.0
        # t * where(allied, soft, 1) * (1 + (first - 1) * fade), the factors of one applied
        # only where they are not one (the same products)
        t = t.astype(np.result_type(t, soft))
        np.multiply(t, soft, out=t, where=allied)
        t = t * (1.0 + first * fade)
        big = (self.pb_share > 0.5)[:, None, :] & ~allied
        t = t.astype(np.result_type(t, np.float64), copy=False)      # as where(big, 1.3, 1)
        np.multiply(t, 1.3, out=t, where=big)
        if human.any():
            t = t * np.where(human, 1.0 + coordinate, 1.0)[None, None, :]
        t[:, np.arange(self.N), lead] = 0.0
        t = np.where((self.act & g.leaders[None, :])[:, None, :], t, 0.0).astype(F)
        self.threat = t
        self.top = np.argmax(t, axis=2)                                            # [B,N]
        # the value at ``top`` (read there at a large batch: cheaper than a second reduction)
        self.top_val = along_last(t, self.top[..., None])[..., 0] if t.size >= LARGE \
            else t.max(axis=2)
        self.rho = (t / np.maximum(self.top_val, 1e-6)[..., None]).astype(F)
        # how dangerous each is in absolute terms: his threat against my own standing
        mine = self.standing[:, lead][..., None]
        self.danger = clip(t / (mine + 0.05), 0.0, 1.5).astype(F)


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
    clock = np.maximum(0.0, 1.0 - ctx.progress / np.maximum(ch.fade, 1e-3))[None, :]
    held = ch.hold > 0
    if not held.any():
        return clock
    feared = (ch.threat > 1.0) & held[:, None]                                  # [N,P]
    sitting = (ctx.in_cc & ctx.act).astype(np.int64) @ feared.T.astype(np.int64)
    regard = (ch.threat < 1.0) & held[:, None]                                  # [N,P]
    regard[held, ch.lead[held]] = True                                     # and his own views
    # only the men someone regards are read: the line parts from them alone
    cols = np.flatnonzero(regard.any(axis=0))
    split = parted(ctx, cols).astype(np.int64) @ regard[:, cols].T.astype(np.int64)   # [B,N]
    return np.where((sitting > 0) | ((split == 0) & held), 1.0, clock)         # [B,N]


PARTS = 0.25    # how far a policy in force may stand against a man's views: the line holds


def parted(ctx: Context, cols: "np.ndarray | None" = None) -> np.ndarray:
    """[B,P] a policy in force stands against the man's views by more than ``PARTS`` (what
    the motion that put it in force says, game.ai.agenda, read against his views): the line
    has parted from him. The forced procurement of 1928 against the Right's views (002:
    "Stalin wanted to seize the grain by force ..., the Right Opposition led by Bukharin
    advocated persuasion instead of force"); from the price cuts of late 1923 to it, no
    policy of the campaign's stood against Bukharin's, Rykov's or Tomsky's views by more than
    a tenth (the trusts' dear prices of 1922-23 did, by 0.24-0.32). With ``cols``: [B,P'] for
    those men alone (each man's row is his own: the same values)."""
    stands = stances(ctx.g)[np.arange(ctx.g.Q)[None, :], ctx.s.policy.astype(np.int64)]
    ideology, act = ctx.s.ideology, ctx.act
    if cols is not None:
        ideology, act = ideology[:, cols], act[:, cols]
    says = np.einsum("bpk,bqk->bpq", ideology, stands)                           # [B,P,Q]
    return (says.min(axis=2, initial=0.0) < -PARTS) & act


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
