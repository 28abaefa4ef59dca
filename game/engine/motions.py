"""Motions: from a tabled action to a vote, and from a vote to its consequences."""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import numpy as np

from . import legality, mutate, votes
from .actions import KIND_IDS, OK, _first_reason
from .arith import clip, distinct
from .env import Env
from .state import AXES, BODY, State
from .succession import deputies, successor

if TYPE_CHECKING:
    from .game import Game

EXPEL_KIND = ("expel_politburo", "expel_cc", "expel_party")


def _sitting_body(g: "Game", turn: int) -> Optional[str]:
    i = g.sitting_at.get(turn)
    return g.scenario.sittings[i].kind if i is not None else None


def _gensec(g: "Game", s: State) -> np.ndarray:
    """[B] holder of the post that appoints secretaries (the General Secretary), -1."""
    from .actions import POWER
    out = np.full(s.batch, -1, dtype=np.int64)
    for k in np.flatnonzero(g.post_powers[:, POWER["appoint"]]):
        out = np.where(out < 0, s.holder[:, k], out)
    return out


def from_actions(g: "Game", s: State, kind: int, actor, target, arg, arg2,
                 mask) -> list[votes.Motion]:
    """The motions that the actions of one kind in one slot table, grouped by body and kind."""
    name = KIND_IDS[kind]
    B = s.batch
    sitting = _sitting_body(g, s.turn)
    zero3 = np.zeros((B, 3), dtype=np.float32)
    zero = np.zeros(B, dtype=np.float32)

    def motion(kind_: str, body: str, m: np.ndarray, tgt=target, direction=zero3, bur=zero,
               motion_idx=None) -> votes.Motion:
        return votes.Motion.of(kind_, body, actor, tgt, direction, bur, m, motion_idx, arg, arg2)

    if name == "propose":
        out = []
        for mi in distinct(arg[mask]):
            sc_m = g.scenario.motions[int(mi)]
            m = mask & (arg == mi)
            body = sc_m.body
            if body in ("congress", "conference"):
                body = sitting or "central_committee"
            d = np.array([getattr(sc_m.direction, a) for a in AXES], dtype=np.float32)
            out.append(motion(sc_m.kind, body, m, np.full(B, -1), np.broadcast_to(d, (B, 3)),
                              np.full(B, sc_m.bureaucratic, dtype=np.float32),
                              np.full(B, mi, dtype=np.int64)))
        return out
    if name == "condemn":
        return [motion("condemn", sitting or "central_committee", mask)]
    if name == "remove_from_post":
        out = []
        for k in distinct(arg[mask]):
            body = g.post_removed_by[int(k)]
            if body in ("congress", "conference"):
                body = sitting or "central_committee"
            out.append(motion("remove_from_post", body, mask & (arg == k)))
        return out
    if name == "expel":
        out = []
        for lv in range(3):
            m = mask & (arg == lv)
            if m.any():
                body = "central_committee" if lv < 2 else (sitting or "joint_plenum")
                out.append(motion(EXPEL_KIND[lv], body, m))
        return out
    if name == "promote":
        # the person proposed is the motion's beneficiary, not its target: arg2 carries him
        return [votes.Motion.of("promote", "central_committee", actor, np.full(B, -1), zero3,
                                zero, mask, None, arg, target)]
    if name == "demote":
        return [motion(name, "central_committee", mask)]
    if name == "testament":
        body = sitting or "central_committee"
        gs = _gensec(g, s)
        pub = mask & (arg == 0)
        sup = mask & (arg == 1)
        reg = np.broadcast_to(np.array([0.0, 1.0, 0.0], np.float32), (B, 3))
        return [m for m in (
            motion("testament", body, pub, gs, zero3, np.full(B, -0.5, np.float32)),
            motion("testament_suppress", body, sup, np.full(B, -1), reg,
                   np.full(B, 0.5, np.float32))) if m.mask.any()]
    return []


# the action that tables each motion against a man (a policy line, the Testament and a
# sitting's report are not undone by an earlier vote of the month)
TABLED_BY = {"condemn": "condemn", "remove_from_post": "remove_from_post",
             "expel_politburo": "expel", "expel_cc": "expel", "expel_party": "expel",
             "promote": "promote", "demote": "demote"}


def still_in_order(g: "Game", s: State, m: votes.Motion) -> tuple[votes.Motion, np.ndarray]:
    """(``m`` without the motions an earlier vote of the month has overtaken, [B] why each
    dropped one lapsed: a reason code of game.engine.actions, 0 where it stands). Each is read
    again by the rule that let it be tabled (game.engine.legality), on the state now: the
    plenum that has just put Bukharin out of the Politburo does not then vote to make him a
    candidate member (which gave him back a seat), and a man removed from his post is not
    removed from it twice."""
    code = np.zeros(s.batch, dtype=np.int16)
    a = tabled_action(m)
    for c in distinct(m.kind[m.mask]):
        action = TABLED_BY.get(votes.KINDS[int(c)])
        if action is None:
            continue
        here = m.mask & (m.kind == c)
        failed: list = []
        legality.CHECKS[action](g, s, a["actor"], a["target"], a["arg"], a["arg2"],
                                lambda cond, reason: failed.append((cond, reason)))
        why = _first_reason(np.full(s.batch, OK, dtype=np.int16), failed)
        code = np.where(here, why, code)
    lapsed = code != OK
    if not lapsed.any():
        return m, code
    return votes.Motion(*(m.mask & ~lapsed if f == "mask" else getattr(m, f)
                          for f in votes.Motion.FIELDS)), code


def tabled_action(m: votes.Motion) -> dict:
    """The fields of the action that tabled each motion of ``m`` ([B] arrays): a promotion
    carries the man put up as its arg2, the action as its target."""
    promote = m.kind == votes.KIND_CODE["promote"]
    return {"actor": m.sponsor, "target": np.where(promote, m.arg2, m.target), "arg": m.arg,
            "arg2": np.where(promote, -1, m.arg2)}


def apply_result(g: "Game", s: State, m: votes.Motion, res: votes.Result) -> None:
    """What adopted (or defeated) motions do; a wave may hold different kinds game by game."""
    for code in distinct(m.kind[m.mask]):
        here = m.mask & (m.kind == code)
        _apply_kind(g, s, votes.KINDS[int(code)], m, res.passed & here, here & ~res.passed,
                    res.faction)
    # a defeated mover pays; a defeated faction pays more under the ban
    bi = np.arange(s.batch)
    ok, lost = res.passed & m.mask, m.mask & ~res.passed
    ban = s.flags[:, g.fidx["faction_ban"]]
    cost = g.params["failed_motion_prestige"] * (1.0 + (res.faction[bi, m.sponsor] & ban))
    s.prestige[bi[lost], m.sponsor[lost]] -= cost[lost]
    s.prestige[bi[ok], m.sponsor[ok]] += 1.0
    np.clip(s.prestige, 0, 100, out=s.prestige)


def _apply_kind(g: "Game", s: State, kind: str, m: votes.Motion, ok: np.ndarray,
                lost: np.ndarray, faction: np.ndarray) -> None:
    bi = np.arange(s.batch)
    t = np.maximum(m.target, 0)
    if kind in ("resolution", "policy"):
        _adopt_line(g, s, m, ok)
    elif kind == "condemn":
        b = bi[ok]
        s.prestige[b, t[ok]] -= g.params["condemn_prestige"]
        s.condemned_turn[b, t[ok]] = s.turn
        mates = (s.bloc[b] & s.bloc[b, :, t[ok]][:, :, None]).any(axis=1)       # [n,P]
        mates[np.arange(len(b)), t[ok]] = False
        s.prestige[b] -= 3.0 * mates
        # the verdict names his faction: the views of his mates in an open opposition faction
        # ([B,P] ``faction``, votes.derive) are condemned with his (the 'Leningrad Opposition'
        # at the Fourteenth Congress, the 'opposition bloc' at the Fifteenth Conference, the
        # 'Bukharin group' in April 1929; general history), and the grace to submit runs for
        # each of them (engine.defiance)
        named = mates & faction[b]
        s.condemned_turn[b] = np.where(named, s.turn, s.condemned_turn[b])
        mutate.relation(g, s, ok, m.sponsor, t, -0.2)
    elif kind == "remove_from_post":
        mutate.appoint(g, s, ok, _successors(g, s, m, ok), m.arg)
        mutate.relation(g, s, ok, m.sponsor, t, -0.3)
    elif kind in EXPEL_KIND:
        mutate.expel(g, s, ok, t, EXPEL_KIND.index(kind))
        mutate.relation(g, s, ok, m.sponsor, t, -0.4)
    elif kind == "promote":
        mutate.enter(g, s, ok, np.maximum(m.arg2, 0), BODY["politburo"])
    elif kind == "demote":
        mutate.demote(g, s, ok, t)
    elif kind == "testament":
        _publish_testament(g, s, ok, t)
    elif kind == "testament_suppress":
        s.flags[ok, g.fidx["testament_suppressed"]] = True
    elif kind == "report":
        from .sittings import apply_report
        apply_report(g, s, m, ok, lost)


def _successors(g: "Game", s: State, m: votes.Motion, ok: np.ndarray) -> np.ndarray:
    """[B] who takes the post in the games where the removal passed (-1 elsewhere): worked
    out for those games alone, since a wave's removals pass in few of a large batch's games."""
    b = np.flatnonzero(ok)
    who = np.full(s.batch, -1, dtype=np.int64)
    if len(b):
        rows = s.rows(b)
        # a successor the motion names, else the post's deputy, else the mover's man
        named = np.where(m.arg2[b] >= 0, m.arg2[b], deputies(g, rows, m.arg[b], m.target[b]))
        who[b] = successor(g, rows, m.sponsor[b], m.target[b], named)
    return who


def _adopt_line(g: "Game", s: State, m: votes.Motion, ok: np.ndarray) -> None:
    """An adopted line moves the rank and file a little, and applies its effects."""
    if not ok.any():
        return
    d = m.direction / np.maximum(np.sqrt((m.direction ** 2).sum(axis=1, keepdims=True)), 1e-6)
    s.lean[ok] = np.clip(s.lean[ok] + 0.05 * d[ok][:, None, :], -1, 1)
    env = Env(g, s)
    for mi in distinct(m.motion[ok]):
        here = ok & (m.motion == mi)
        sc_m = g.scenario.motions[int(mi)]
        if sc_m.kind == "policy" and sc_m.policy in g.qidx:
            mutate.set_policy(g, s, here, g.qidx[sc_m.policy], sc_m.value)
        for eff in g.motion_effects[int(mi)]:
            eff.fn(env, here)


def _publish_testament(g: "Game", s: State, ok: np.ndarray, gensec: np.ndarray) -> None:
    s.flags[ok, g.fidx["testament_published"]] = True
    bi = np.flatnonzero(ok)
    if not len(bi):
        return
    gs = gensec[bi]
    damage = g.params["testament_prestige"] * g.mod["testament_damage"][gs]
    s.prestige[bi, gs] = clip(s.prestige[bi, gs] - damage, 0, 100)
    s.relations[bi, :, gs] = clip(s.relations[bi, :, gs] - 0.15, -1, 1)
