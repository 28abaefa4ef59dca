"""What the scenario's motions do and what each role wants, read once per game.

The rivals value a motion by its line (its direction on the three axes), by what its effects
do to people's standing and to the economy, and by whether it serves the aims of the leader's
role (``victory`` in the scenario). Aims and effects are expressions; this module reads the few
simple shapes they take (``member(x, politburo)``, ``holds(x, post)``, ``policy == "option"``,
``x.prestige -= 6``, ``set_policy(p, "o")``, ``flag = true``, ``indicator >= 45``, a flag
named alone or after ``not``) and ignores
anything else — a reading for judgement, never for the rules.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..engine.calendar import month_index
from ..engine.state import AXES, INDICATORS

if TYPE_CHECKING:
    from ..engine.game import Game

_PRESTIGE = re.compile(r"^\s*(\w+)\.prestige\s*([+-])=\s*([\d.]+)\s*$")
_FLAG = re.compile(r"^\s*(\w+)\s*=\s*(true|false|True|False)\s*$")
_IND = re.compile(r"^\s*(\w+)\s*([+-])=\s*([\d.]+)\s*$")
_SET_POLICY = re.compile(r'set_policy\(\s*(\w+)\s*,\s*"(\w+)"\s*\)')
_POLICY_AIM = re.compile(r'(\w+)\s*(==|!=)\s*"(\w+)"')
_MEMBER = re.compile(r"(not\s+)?member\(\s*(\w+)\s*,\s*politburo\s*\)")
_HOLDS = re.compile(r"(not\s+)?holds\(\s*(\w+)\s*,\s*(\w+)\s*\)")
_MAJORITY = re.compile(r"(not\s+)?politburo_majority\(\s*(\w+)\s*\)")
_IND_AIM = re.compile(r"(\w+)\s*(>=|>|<=|<)\s*([\d.]+)")
# an aim that holds only from a date on ('date >= "1928-01" and investment == "high"'): the
# role wants its policy only from that month (Stalin's great turn is not his line of 1922)
_FROM = re.compile(r'^\s*date\s*>=\s*"(\d{4}-\d{2})"\s+and\s+')
# a flag named in an aim, alone ('collectivisation_started') or denied ('not faction_ban'); not
# a person's attribute ('stalin.expelled') nor a call
_FLAG_AIM = re.compile(r"(not\s+)?(?<![.\w])(\w+)\b(?!\s*[.(])")

# How a policy option moves the peasants' mood (the engine's economy, in words): force and
# restriction anger the villages, the market and cheap manufactures calm them.
MOOD = {"procurement": -1.0, "nep": 0.6, "prices": -0.5, "investment": -0.3, "comintern": 0.0}


@dataclass(frozen=True)
class Agenda:
    unit: np.ndarray          # [M,3] direction of each motion as a unit vector (0: none)
    bureaucratic: np.ndarray  # [M]
    policy: np.ndarray        # [M] policy index the motion sets (-1: none)
    option: np.ndarray        # [M] option index it sets
    option_level: np.ndarray  # [M] that option's level (-1..1)
    prestige: np.ndarray      # [M,P] prestige each person gains if it passes
    mood: np.ndarray          # [M] how it moves the peasants' mood (+ calms, - angers)
    flags: tuple              # per motion: ((flag index, value), ...) it sets
    is_line: np.ndarray       # [M] resolution or policy (what 'propose' tables)
    # what each option of each lever says while it stands: the direction of the motion that
    # puts it in force ([Q,O,3], as written: 'maintain' says less than 'extend') and how it
    # moves the peasants' mood while in force ([Q,O]); 0 where no motion puts it
    stands: np.ndarray
    stands_mood: np.ndarray
    step: np.ndarray          # [M] a policy motion: worth the step from the option in force
    # what each leader's role wants (rows: Characters.lead order)
    out_pb: np.ndarray        # [N,P] wants that person out of the Politburo
    keep_post: np.ndarray     # [N,K] wants to hold that post
    want_option: np.ndarray   # [N,Q,O] +1 wants that option in force, -1 wants it not
    want_from: np.ndarray     # [N,Q,O] month index from which that want holds (-1: always)
    majority: np.ndarray      # [N] wants a Politburo majority of his own
    deny_majority: np.ndarray  # [N,P] wants that person to have no majority
    want_ind: np.ndarray      # [N,len(INDICATORS)] +1 wants it high, -1 low
    want_flag: np.ndarray     # [N,F] +1 wants the flag set (the great turn), -1 cleared (the ban)
    want_flag_from: np.ndarray  # [N,F] month index from which that want holds (-1: always)


def build(g: "Game", lead: np.ndarray) -> Agenda:
    sc = g.scenario
    M, P = len(sc.motions), g.P
    unit = np.zeros((M, 3), dtype=np.float32)
    bur = np.zeros(M, dtype=np.float32)
    policy = np.full(M, -1, dtype=np.int64)
    option = np.full(M, -1, dtype=np.int64)
    level = np.zeros(M, dtype=np.float32)
    O = max((len(q.options) for q in sc.policies), default=1)
    stands = np.zeros((g.Q, O, 3), dtype=np.float32)
    stands_mood = np.zeros((g.Q, O), dtype=np.float32)
    prestige = np.zeros((M, P), dtype=np.float32)
    mood = np.zeros(M, dtype=np.float32)
    flags = []
    for i, m in enumerate(sc.motions):
        d = np.array([getattr(m.direction, a) for a in AXES], dtype=np.float32)
        n = float(np.sqrt((d * d).sum()))
        unit[i] = d / n if n > 0 else 0.0
        bur[i] = m.bureaucratic
        sets = []
        if m.kind == "policy" and m.policy in g.qidx:
            sets.append((m.policy, m.value))
        fl = []
        for eff in m.effects:
            sets += _SET_POLICY.findall(eff)
            hit = _PRESTIGE.match(eff)
            if hit and hit.group(1) in g.pidx:
                sign = 1.0 if hit.group(2) == "+" else -1.0
                prestige[i, g.pidx[hit.group(1)]] += sign * float(hit.group(3))
                continue
            hit = _FLAG.match(eff)
            if hit and hit.group(1) in g.fidx:
                fl.append((g.fidx[hit.group(1)], hit.group(2).lower() == "true"))
                continue
            hit = _IND.match(eff)
            if hit and hit.group(1) == "peasant_mood":
                mood[i] += (1.0 if hit.group(2) == "+" else -1.0) * float(hit.group(3)) / 10.0
        flags.append(tuple(fl))
        for q_id, o_id in sets[:1]:
            q = g.qidx.get(q_id)
            if q is None:
                continue
            opts = [o.id for o in sc.policies[q].options]
            if o_id in opts:
                policy[i], option[i] = q, opts.index(o_id)
                level[i] = sc.policies[q].options[option[i]].level
                lever = MOOD.get(q_id, 0.0) * level[i]
                mood[i] += lever
                if m.kind == "policy" and not stands[q, option[i]].any():
                    stands[q, option[i]] = d
                    stands_mood[q, option[i]] = lever
    is_line = np.array([m.kind in ("resolution", "policy") for m in sc.motions], dtype=bool)
    step = np.array([m.kind == "policy" for m in sc.motions], dtype=bool) & (policy >= 0)
    return Agenda(unit, bur, policy, option, level, prestige, mood, tuple(flags), is_line,
                  stands, stands_mood, step, **_aims(g, lead))


def _aims(g: "Game", lead: np.ndarray) -> dict:
    sc = g.scenario
    N, P, K, Q = len(lead), g.P, g.K, g.Q
    O = max((len(q.options) for q in sc.policies), default=1)
    out = dict(out_pb=np.zeros((N, P), bool), keep_post=np.zeros((N, K), bool),
               want_option=np.zeros((N, Q, O), np.float32),
               want_from=np.full((N, Q, O), -1, np.int64), majority=np.zeros(N, bool),
               deny_majority=np.zeros((N, P), bool),
               want_ind=np.zeros((N, len(INDICATORS)), np.float32),
               want_flag=np.zeros((N, len(g.fidx)), np.float32),
               want_flag_from=np.full((N, len(g.fidx)), -1, np.int64))
    row = {int(p): n for n, p in enumerate(lead)}
    for v in sc.victory:
        n = row.get(g.pidx.get(v.role, -1))
        if n is None:
            continue
        for aim in v.win:
            _read_aim(g, aim.expr, n, v.role, out)
    return out


def out_of_post(g: "Game", role: str) -> list[tuple[int, int]]:
    """(person, post) pairs the role's win aims want that person out of
    (``not holds(x, post)``)."""
    return [(g.pidx[who], g.kidx[post]) for v in g.scenario.victory if v.role == role
            for aim in v.win for neg, who, post in _HOLDS.findall(aim.expr)
            if neg and who in g.pidx and post in g.kidx]


def _read_aim(g: "Game", text: str, n: int, role: str, out: dict) -> None:
    for neg, who in _MEMBER.findall(text):
        if neg and who in g.pidx:
            out["out_pb"][n, g.pidx[who]] = True
    for neg, who, post in _HOLDS.findall(text):
        if not neg and post in g.kidx and who == role:
            out["keep_post"][n, g.kidx[post]] = True
    for neg, who in _MAJORITY.findall(text):
        if who in g.pidx:
            if neg:
                out["deny_majority"][n, g.pidx[who]] = True
            else:
                out["majority"][n] = True
    dated = _FROM.match(text)
    since = month_index(dated.group(1)) if dated else -1
    for q_id, op, o_id in _POLICY_AIM.findall(text):
        q = g.qidx.get(q_id)
        if q is None:
            continue
        opts = [o.id for o in g.scenario.policies[q].options]
        if o_id in opts:
            out["want_option"][n, q, opts.index(o_id)] = 1.0 if op == "==" else -1.0
            out["want_from"][n, q, opts.index(o_id)] = since
    for ind, op, _ in _IND_AIM.findall(text):
        if ind in INDICATORS:
            out["want_ind"][n, INDICATORS.index(ind)] = 1.0 if op.startswith(">") else -1.0
    for neg, flag in _FLAG_AIM.findall(text):
        if flag in g.fidx:
            out["want_flag"][n, g.fidx[flag]] = -1.0 if neg else 1.0
            out["want_flag_from"][n, g.fidx[flag]] = since
