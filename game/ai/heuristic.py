"""A sensible computer player for every leader, vectorised over the batch.

Each leader values a fixed menu of candidate actions with simple, readable formulas (who is
the greatest threat to me? do I command the Politburo? is there a congress this month?), takes
the best legal ones his action points allow, and the engine resolves them like anyone else's.
The candidate menu and the formulas are the policy; difficulty and character live in
``Profile`` weights so stronger and characterful rivals can be built on the same menu.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

import numpy as np

from ..engine import power, rng, votes
from ..engine.actions import KIND, KINDS, check, cost_of
from ..engine.state import AXES, BODY, State

if TYPE_CHECKING:
    from ..engine.game import Game

NEG = -1e9


@dataclass(frozen=True)
class Profile:
    """How a computer leader weighs his options (1.0 = the plain rational value)."""
    weights: dict = field(default_factory=dict)   # action kind -> multiplier
    aggression: float = 1.0                       # appetite for motions against rivals
    caution: float = 0.5                          # majority he wants before moving against one
    noise: float = 0.15                           # how erratic his choices are (difficulty)
    picks: int = 3                                # at most this many actions a turn


@dataclass(frozen=True)
class Candidate:
    kind: str
    target: int = -1
    arg: int = -1


def menu(g: "Game", p: int) -> list[Candidate]:
    """Every action worth considering for leader ``p`` (fixed per game, cheap to value)."""
    leaders = [q for q in np.flatnonzero(g.leaders) if q != p]
    others = [q for q in range(g.P) if q != p]
    out = [Candidate("appoint_secretary", r) for r in range(g.R)]
    out += [Candidate("recruit", -1), Candidate("speak")]
    for q in leaders:
        out += [Candidate("gather_information", q), Candidate("polemic", q),
                Candidate("condemn", q)]
        out += [Candidate("expel", q, lv) for lv in range(3)]
        out += [Candidate("remove_from_post", q, k) for k in range(g.K)]
    out += [Candidate("promote", q) for q in others if not g.leaders[q]]
    out += [Candidate(k, l) for l in range(g.L) for k in ("form_bloc", "join_bloc", "leave_bloc")]
    out += [Candidate("propose", -1, m) for m in range(len(g.motion_ids))]
    out += [Candidate("testament", -1, a) for a in (0, 1)]
    out += [Candidate("set_comintern", -1, o) for o in range(len(g.comintern_options()))]
    return out


class Heuristic:
    """Plays every leader it is asked to, for all games of a batch at once."""

    def __init__(self, g: "Game", profiles: Optional[dict[str, Profile]] = None):
        self.g = g
        self.profiles = profiles or {}
        self.menus = {p: menu(g, p) for p in np.flatnonzero(g.leaders)}
        self._arrays = {p: self._menu_arrays(m) for p, m in self.menus.items()}

    @staticmethod
    def _menu_arrays(m: list[Candidate]):
        kinds = np.array([KIND[c.kind] for c in m], dtype=np.int64)
        return kinds, np.array([c.target for c in m]), np.array([c.arg for c in m])

    def profile(self, p: int) -> Profile:
        return self.profiles.get(self.g.person_ids[p], Profile())

    # ------------------------------------------------------------------ moves
    def moves(self, s: State, skip: tuple[int, ...] = ()) -> np.ndarray:
        """[B, S, 5] the actions of every computer-played leader this turn."""
        g = self.g
        ctx = _Context(g, s)
        rows = []
        for p in self.menus:
            if p in skip:
                continue
            rows.extend(self._leader_moves(s, ctx, int(p)))
        if not rows:
            return np.full((s.batch, 0, 5), -1, dtype=np.int64)
        return np.stack(rows, axis=1)

    def _leader_moves(self, s: State, ctx: "_Context", p: int) -> list[np.ndarray]:
        g, prof = self.g, self.profile(p)
        kinds, targets, args = self._arrays[p]
        value = values(g, s, ctx, p, self.menus[p], prof)                 # [B,C]
        noise = rng.normal(s.seed, s.turn, rng.SITES["ai"], p * 1000 + np.arange(len(kinds)))
        value = value + prof.noise * noise * (value > NEG / 2)
        order = np.argsort(-value, axis=1, kind="stable")
        ap = s.ap[:, p].copy()
        out = []
        B = s.batch
        bi = np.arange(B)
        taken = np.zeros(B, dtype=np.int64)
        for rank in range(min(order.shape[1], prof.picks * 3)):
            c = order[:, rank]
            live = (value[bi, c] > 0) & (taken < prof.picks) & ~s.over
            if not live.any():
                break
            row = np.full((B, 5), -1, dtype=np.int64)
            row[:, 0] = np.where(live, kinds[c], -1)
            row[:, 1] = p
            row[:, 2] = targets[c]
            row[:, 3] = args[c]
            ok = np.zeros(B, dtype=bool)
            for k in np.unique(kinds[c][live]):
                here = live & (kinds[c] == k)
                code = check(g, s, int(k), np.full(B, p), targets[c], args[c], row[:, 4])
                cost = cost_of(g, s, int(k), np.full(B, p))
                ok |= here & (code == 0) & (cost <= ap)
            ap -= np.where(ok, cost_of_rows(g, s, kinds[c], p), 0.0)
            taken += ok
            row[~ok] = -1
            if ok.any():
                out.append(row)
        return out

    # ------------------------------------------------------------------ events
    def choose(self, g: "Game", s: State, e: int, mask: np.ndarray) -> np.ndarray:
        """Event choices: the historical one, unless the decider's interest clearly differs."""
        ev = g.scenario.events[e]
        hist = np.full(s.batch, g.historical_choice[e], dtype=np.int64)
        if len(ev.choices) < 2 or ev.decider is None:
            return hist
        p = g.pidx[ev.decider]
        prof = self.profile(p)
        u = rng.uniform(s.seed, s.turn, rng.SITES["choice"], e)
        other = (hist + 1 + (u * 997).astype(np.int64) % (len(ev.choices) - 1)) % len(ev.choices)
        return np.where(u < 0.15 + 0.3 * prof.noise, other, hist)


def cost_of_rows(g: "Game", s: State, kinds: np.ndarray, p: int) -> np.ndarray:
    out = np.zeros(s.batch, dtype=np.float32)
    for k in np.unique(kinds):
        here = kinds == k
        out[here] = cost_of(g, s, int(k), np.full(s.batch, p))[here]
    return out


class _Context:
    """Quantities every leader's valuation reads, computed once a turn."""

    def __init__(self, g: "Game", s: State):
        self.act = g.active(s)
        self.allied = power.allied(s)
        self.standing = power.standing(s, self.act, g.params, g.structural, g.leaders)
        self.pb_share = power.politburo_share(s, self.act)
        self.cc_share = power.cc_share(s, self.act)
        self.majority_blocs = votes.majority_blocs(g, s)
        self.sitting = s.turn in g.sitting_at


def threat(g: "Game", s: State, ctx: _Context, p: int) -> np.ndarray:
    """[B,P] how much each other leader threatens ``p``: standing, distance, not allied."""
    dist = np.abs(s.ideology - s.ideology[:, p:p + 1, :]).sum(axis=2) / 3.0
    t = np.maximum(ctx.standing, 0) * (0.4 + dist) * (~ctx.allied[:, p, :])
    t = t + 0.3 * np.maximum(-s.relations[:, p, :], 0) * ctx.act
    t[:, p] = 0.0
    return np.where(ctx.act & g.leaders[None, :], t, 0.0)


def values(g: "Game", s: State, ctx: _Context, p: int, cands: list[Candidate],
           prof: Profile) -> np.ndarray:
    """[B,C] what each candidate is worth to ``p`` now (NEG: pointless)."""
    B = s.batch
    th = threat(g, s, ctx, p)                                            # [B,P]
    top = th.max(axis=1)
    mine = ctx.pb_share[:, p] + 1e-6
    strong = mine > prof.caution
    out = np.full((B, len(cands)), NEG, dtype=np.float64)
    total = s.members.sum(axis=1)
    lean = (s.lean * (s.members / total[:, None])[:, :, None]).sum(axis=1)
    for c, cand in enumerate(cands):
        w = prof.weights.get(cand.kind, 1.0)
        v = _value(g, s, ctx, p, cand, th, top, strong, total, lean, prof)
        if v is not None:
            out[:, c] = np.where(v > 0, v * w, NEG)
    return out


def _value(g, s, ctx, p, cand, th, top, strong, total, lean, prof):
    k, t, a = cand.kind, cand.target, cand.arg
    if k == "appoint_secretary":
        share = s.members[:, t] / total
        mine = (s.sec_patron[:, t] == p) * s.sec_loyalty[:, t]
        rival = (s.sec_patron[:, t] >= 0) & (s.sec_patron[:, t] != p)
        return (share * 8.0) * (1.0 - mine) * (1.0 + 0.5 * rival) + 0.05
    if k == "recruit":
        return 0.9 * (1.0 - s.cohorts[:, :, 2].mean(axis=1)) + 0.2 * (top > 0.25)
    if k == "speak":
        return np.full(s.batch, 2.5 if ctx.sitting else 0.0)
    if k == "gather_information":
        return 0.8 * th[:, t] / np.maximum(top, 1e-6) * (s.intel[:, p, t] < 0.3)
    if k == "polemic":
        return 0.7 * th[:, t] / np.maximum(top, 1e-6) + 0.1
    is_top = th[:, t] >= top - 1e-9
    if k == "condemn":
        return prof.aggression * 1.2 * is_top * strong * (th[:, t] > 0.15)
    if k == "expel":
        member = s.member[:, t]
        need = {0: member[:, BODY["politburo"]] | member[:, BODY["politburo_candidate"]],
                1: member[:, BODY["central_committee"]], 2: ~s.expelled[:, t]}[a]
        decisive = (ctx.pb_share[:, p] > 0.6) & (ctx.cc_share[:, p] > 0.55 + 0.1 * a)
        return prof.aggression * (1.5 + 0.2 * a) * is_top * decisive * need * \
            (s.prestige[:, t] < 45 - 5 * a)
    if k == "remove_from_post":
        held = s.holder[:, a] == t
        weight = 1.0 + g.post_powers[a].sum() * 0.5
        return prof.aggression * weight * is_top * strong * held
    if k == "promote":
        follows = (s.patron[:, t] == p) | ctx.allied[:, p, t]
        outside = ~s.member[:, t, BODY["politburo"]] & s.member[:, t, BODY["central_committee"]]
        return 1.4 * follows * outside * (ctx.pb_share[:, p] < 0.7) * ctx.act[:, t]
    if k in ("form_bloc", "join_bloc", "leave_bloc"):
        return _bloc_value(g, s, ctx, p, k, t, th, top)
    if k == "propose":
        return _motion_value(g, s, p, a, strong)
    if k == "testament":
        gs = _gensec(g, s)
        if a == 0:
            return 2.0 * (gs >= 0) * (gs != p) * _threat_of(th, gs)
        return 1.6 * ((gs == p) | ctx.allied[np.arange(s.batch), p, np.clip(gs, 0, None)])
    if k == "set_comintern":
        level = g.scenario.policies[g.qidx["comintern"]].options[a].level
        want = -s.ideology[:, p, AXES.index("international")]
        return 0.6 * (1.0 - np.abs(want - level))
    return None


def _threat_of(th: np.ndarray, who: np.ndarray) -> np.ndarray:
    return np.where(who >= 0, th[np.arange(th.shape[0]), np.clip(who, 0, None)], 0.0) * 3.0


def _gensec(g: "Game", s: State) -> np.ndarray:
    from ..engine.motions import _gensec as gensec
    return gensec(g, s)


def _bloc_value(g, s, ctx, p, k, l, th, top):
    members = s.bloc[:, l]                                              # [B,P]
    if k == "leave_bloc":
        danger = (th * members).max(axis=1)
        return 1.5 * members[:, p] * (danger >= top - 1e-9) * (danger > 0.2)
    # an alliance is worth having against the greatest threat, with those who fear him too
    in_any = s.bloc[:, :, p].any(axis=1)
    if k == "form_bloc":
        return 0.6 * ~members.any(axis=1) * ~in_any * (top > 0.2)
    regard = (s.relations[:, :, p] * members).sum(axis=1) / np.maximum(members.sum(axis=1), 1)
    threat_inside = (th * members).max(axis=1)
    return (1.0 + regard) * (top > 0.15) * ~in_any * (threat_inside < top - 1e-9) * \
        members.any(axis=1)


def _motion_value(g, s, p, mi, strong):
    m = g.scenario.motions[mi]
    d = np.array([getattr(m.direction, a) for a in AXES], dtype=np.float32)
    n = float(np.sqrt((d * d).sum()))
    if n == 0 or m.kind not in ("resolution", "policy"):
        return np.zeros(s.batch)
    agree = (s.ideology[:, p, :] @ d) / n
    return 0.9 * agree * (0.5 + 0.5 * strong)
