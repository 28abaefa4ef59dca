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
from ..engine.jit import kernel, row_sum
from ..engine.state import BODY, State

if TYPE_CHECKING:
    from ..engine.game import Game
    from .character import Characters

F = np.float32
_c = np.ascontiguousarray     # a kernel's arrays in one layout, so that it compiles once
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
        self.ban = s.flags[:, g.fidx["faction_ban"]]
        self.in_pb = s.member[:, :, BODY["politburo"]]
        self.in_cc = s.member[:, :, BODY["central_committee"]]
        self.progress, self.sitting, self.sitting_kind, self.to_congress, total = \
            _calendar(g, s.turn)
        self.human = human
        self._read(g, s, ch, total, human, coordinate, perception, shrewd)

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
        return (self.power["police"] * self.g.mod["fear"][None, :]).astype(F, copy=False)

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

    def _read(self, g: "Game", s: State, ch: "Characters", total: "float | None",
              human: np.ndarray, coordinate: float, perception: float, shrewd: float) -> None:
        """standing [B,P] (power.standing's weights, for the leaders in politics); free_frac
        [B] the share of the Central Committee's seats no one holds by name (of the next
        congress's ``total``, or of the seats now); threat [B,N,P]: how much each other
        leader endangers leader n; rho = threat relative to his greatest (1 for the
        greatest); top = that person (top_val his threat); danger = his threat against
        leader n's own standing. All in one compiled loop (``_read_games``)."""
        B, N, P = self.B, self.N, self.P
        self.standing = np.empty((B, P), dtype=F)
        self.free_frac = np.empty(B, dtype=F)
        self.threat = np.empty((B, N, P), dtype=F)
        self.rho = np.empty((B, N, P), dtype=F)
        self.danger = np.empty((B, N, P), dtype=F)
        self.top = np.empty((B, N), dtype=np.int64)
        self.top_val = np.empty((B, N), dtype=F)
        misjudge = misjudgement(s.seed, ch.lead, P, perception) if perception else _TRUE
        _read_games(g.leaders, self.act, self.cc_share, self.pb_share, self.del_share,
              _c(s.prestige), _c(s.member), BODY["central_committee"], _c(s.cc_seats),
              -1.0 if total is None else total, ch.lead, _c(ch.ambition, dtype=np.float64),
              _c(ch.threat, dtype=np.float64), _c(ch.fade, dtype=np.float64),
              _c(ch.hold, dtype=np.float64), float(shrewd), misjudge, bool(perception),
              self.progress, stances(g), _c(s.policy), _c(s.ideology), _c(s.relations),
              self.bits, _c(human), float(coordinate), self.standing, self.free_frac,
              self.threat, self.top, self.top_val, self.rho, self.danger)


_TRUE = np.ones((1, 1, 1), dtype=F)     # no misjudgement (``misjudgement``)
_TRUE.flags.writeable = False           # as the misjudgements kept, so _read compiles once
_W = tuple(np.float64(STANDING[k]) for k in ("cc", "pb")) + \
    tuple(F(STANDING[k]) for k in ("delegates", "prestige"))


@kernel
def _read_games(leaders, act, cc_share, pb_share, del_share, prestige, member, cc, cc_seats, total,
          lead, ambition, threat_of, fade, hold, shrewd, misjudge, misjudged, progress, stands,
          policy, ideology, relations, bits, human, coordinate, standing, free_frac, threat,
          top, top_val, rho, danger):
    """``Context._read`` into its last seven arguments: the standing, the free seats and the
    threats. ``total`` the seats of the next congress (-1: the seats now);
    ``threat_of`` [N,P] each leader's first reading of each person (``threat.<id>``), of
    which he keeps ``1 - shrewd``, times his misjudgement in this game (``misjudge``
    [B,N,P], when ``misjudged``); ``fade``, ``hold`` [N] how his first impressions fade
    (``_first_fade``); ``coordinate`` the rivals' closing of ranks against the ``human``
    players [P]. The shares come from game.engine.power: ``cc_share`` and ``pb_share``
    float64, ``del_share`` float32, added in power.standing's order."""
    B, P = act.shape
    N = lead.shape[0]
    w_cc, w_pb, w_del, w_pres = _W
    # each leader's first reading of each person, as far as he is not shrewd
    first = np.empty((N, P))
    for n in range(N):
        for p in range(P):
            first[n, p] = 1.0 + (threat_of[n, p] - 1.0) * (1.0 - shrewd)
    soft = np.empty(N)          # what is left of an ally's threat: the more, the more ambitious
    for n in range(N):
        soft[n] = min(max(0.2 + 0.25 * ambition[n], 0.1), 0.8)
    clock = np.empty(N)
    for n in range(N):
        clock[n] = max(0.0, 1.0 - progress / max(fade[n], 1e-3))
    weight = np.empty(P)
    for p in range(P):
        weight[p] = 1.0 + coordinate if human[p] else 1.0
    can = np.empty((B, P), dtype=np.bool_)
    for b in range(B):
        named = 0
        for p in range(P):
            can[b, p] = act[b, p] and leaders[p]
            st = w_cc * cc_share[b, p] + w_pb * pb_share[b, p]
            st = st + np.float64(w_del * del_share[b, p])
            st = st + np.float64(w_pres * prestige[b, p] / F(100.0))
            standing[b, p] = F(st) if can[b, p] else F(0.0)
            named += member[b, p, cc]
        seats = total if total >= 0 else np.float64(named) + np.float64(row_sum(cc_seats[b]))
        free_frac[b] = F(min(max((seats - named) / max(seats, 1.0), 0.0), 1.0))
    faded = _first_fade(clock, hold, threat_of, lead, member, cc, act, ideology, stands, policy)
    _threats(lead, standing, ideology, relations, bits, soft, first, misjudge, misjudged, faded,
             pb_share, weight, can, threat, top, top_val, rho, danger)


@kernel
def _threats(lead, standing, ideology, relations, bits, soft, first, misjudge, misjudged, fade,
             pb_share, weight, can, threat, top, top_val, rho, danger):
    """The threats (``Context._read``). ``first``: [N,P] each leader's first reading of each
    person, times ``misjudge`` [B,N,P] where ``misjudged``; ``fade`` [B,N] how much of it
    still holds; ``weight``: [P] the rivals' closing of ranks against the human player;
    ``can``: [B,P] an able leader."""
    B, N, P = threat.shape
    for b in range(B):
        for n in range(N):
            i = lead[n]
            best, at = F(-np.inf), 0
            for p in range(P):
                t = F(0.0)
                if can[b, p] and p != i:
                    f = first[n, p]
                    if misjudged:
                        f = f * np.float64(misjudge[b, n, p])
                    t = _threat(b, i, p, standing, ideology, relations, bits, soft[n], f - 1.0,
                                fade[b, n], pb_share[b, p], weight[p])
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


@kernel
def _first_fade(clock, hold, threat_of, lead, member, cc, act, ideology, stands, policy):
    """[B,N] how much of each leader's first impressions still holds (1: all, 0: faded): they
    fade on his clock (``clock``, by his ``fade``, a share of the game), but a man with
    ``hold`` keeps them whole while anyone he feared beyond the balance of forces at the
    start (``threat.<id>`` above 1) still sits in the Central Committee, and after that while
    the line holds: until a policy in force stands against his own views or those of a man
    he regarded (``threat.<id>`` below 1; ``parted``). Stalin and Bukharin held to their
    alliance until the Left was beaten (001: "Later, in 1928, having defeated the Left,
    Stalin turned on Bukharin") and broke over the grain (002: "The division was on how to
    procure more food"). On the clock alone Stalin's regard for Bukharin had mostly faded by
    1926 and he took Pravda from him in nine games in ten, median 1926-09; with the Left's
    seats alone, in seven in ten, median 1927-09, the month the Left was cast out."""
    B, P = act.shape
    N = clock.shape[0]
    out = np.empty((B, N))
    # the line parts from a man (1) or not (0), read once a game when first asked (-1)
    split = np.empty(P, dtype=np.int8)
    for b in range(B):
        split[:] = -1
        for n in range(N):
            out[b, n] = clock[n]
            if hold[n] > 0:
                sitting, parts = False, False
                for p in range(P):
                    sitting |= threat_of[n, p] > 1.0 and member[b, p, cc] and act[b, p]
                # while a man he feared sits, the line is not read
                for p in range(P):
                    if sitting or parts:
                        break
                    # his own views he regards too
                    if threat_of[n, p] < 1.0 or p == lead[n]:
                        if split[p] < 0:
                            split[p] = act[b, p] and _parted(ideology, b, p, stands, policy)
                        parts = split[p] == 1
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
            out[b, j] = act[b, p] and _parted(ideology, b, p, stands, policy)
    return out


@kernel
def _parted(ideology, b, p, stands, policy):
    """A policy in force in game ``b`` (``policy`` [B,Q], the option of each) stands against
    the views of ``p`` (``ideology`` [B,P,3]) by more than PARTS (``stands`` [Q,O,3]: what
    each option says)."""
    for q in range(policy.shape[1]):
        o = policy[b, q]
        says = ideology[b, p, 0] * stands[q, o, 0] + ideology[b, p, 1] * stands[q, o, 1] + \
            ideology[b, p, 2] * stands[q, o, 2]
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
_MISJUDGEMENT: dict = {}


def misjudgement(seed: np.ndarray, lead: np.ndarray, P: int, perception: float) -> np.ndarray:
    """[B,N,P] how far each leader misjudges each person in this game, a factor on his first
    reading of him: ``exp(perception * impressions)``, the same every turn of a batch, so
    worked out once and kept (read-only) for the batch's next turns."""
    key = (np.asarray(seed).tobytes(), lead.tobytes(), P, perception)
    out = _MISJUDGEMENT.get(key)
    if out is None:
        if len(_MISJUDGEMENT) > 16:
            _MISJUDGEMENT.clear()
        out = np.exp(perception * impressions(seed, lead, P))
        out.flags.writeable = False
        _MISJUDGEMENT[key] = out
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
