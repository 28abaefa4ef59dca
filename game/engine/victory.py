"""How a game ends, and who won.

Each role's aims come from the scenario (``victory``): ``lose`` aims are checked every turn,
``win`` aims at the end. The worker-peasant alliance is everyone's concern: when the scenario's
``shared_loss`` holds for ``crisis_turns`` months running, the game ends in collapse and every
role has lost.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import numpy as np

from . import power
from .env import Env
from .state import INDICATORS, State

if TYPE_CHECKING:
    from .game import Game
    from .log import Log


def check_turn(g: "Game", s: State, log: Optional["Log"]) -> None:
    """Lose aims and the shared loss, after the turn's events, votes and economy."""
    env = Env(g, s)
    running = ~s.over
    for v, aims in enumerate(g.lose_aims):
        for aim in aims:
            hit = np.asarray(aim.fn(env), dtype=bool) & running & ~s.lost[:, v]
            s.lost[hit, v] = True
            if log is not None:
                for b in np.flatnonzero(hit):
                    role = g.role_ids[v]
                    log.add(int(b), s, "defeat", [role],
                            f"{g.names[role]} has failed: {_aim_text(g, v, aim.text)}")
    if g.shared_loss is not None:
        failing = np.asarray(g.shared_loss.fn(env), dtype=bool) & running
        # a finished game keeps its count (a batch plays on after it, a lone game does not)
        s.crisis = np.where(failing, s.crisis + g.turn_months,
                            np.where(running, 0, s.crisis)).astype(np.int16)
        collapse = running & (s.crisis >= g.params["crisis_turns"])
        if collapse.any():
            s.over[collapse] = True
            s.outcome[collapse] = len(g.outcomes) - 1
            s.lost[collapse] = True
            if log is not None:
                for b in np.flatnonzero(collapse):
                    log.add(int(b), s, "collapse", [],
                            "The alliance of workers and peasants has broken: "
                            + g.scenario.shared_loss.text, outcome="collapse")


def _aim_text(g: "Game", v: int, expr_text: str) -> str:
    for aim in g.scenario.victory[v].lose:
        if aim.expr == expr_text:
            return aim.text
    return expr_text


def finish(g: "Game", s: State, log: Optional["Log"]) -> None:
    """The calendar has run out: the leading figure is the outcome."""
    ending = ~s.over
    if not ending.any():
        return
    act = g.active(s)
    lead = power.leading(s, act, g.params, g.structural, g.leaders)
    leaders = list(np.flatnonzero(g.leaders))
    code = np.array([leaders.index(p) if p in leaders else -1 for p in lead], dtype=np.int16)
    s.outcome[ending] = code[ending]
    s.over[ending] = True
    if log is not None:
        for b in np.flatnonzero(ending):
            pid = g.person_ids[int(lead[b])]
            log.add(int(b), s, "end", [pid],
                    f"The calendar runs out. {g.names[pid]} leads the party.", outcome=pid)


def outcome(g: "Game", s: State, b: int) -> dict:
    """A summary of game ``b``: who leads, who fell and when, each role's result."""
    one = s.take([b])
    env = Env(g, one)
    act = g.active(one)
    lead = int(power.leading(one, act, g.params, g.structural, g.leaders)[0])
    code = int(one.outcome[0])
    result = {"over": bool(one.over[0]), "turn": int(one.turn),
              "outcome": g.outcomes[code] if code >= 0 else None,
              "leader": g.person_ids[lead], "collapse": code == len(g.outcomes) - 1}
    roles = {}
    for v, role in enumerate(g.role_ids):
        if one.lost[0, v]:
            roles[role] = "lost"
        elif not one.over[0]:
            roles[role] = "playing"
        else:
            won = all(bool(np.asarray(a.fn(env))[0]) for a in g.win_aims[v])
            roles[role] = "won" if won else "lost"
    result["roles"] = roles
    fmt = lambda arr: {g.person_ids[p]: g.date(int(arr[0, p]))               # noqa: E731
                       for p in range(g.P) if arr[0, p] >= 0}
    result["removed"] = fmt(one.removed_turn)
    result["fell"] = fmt(one.fell_turn)
    result["expelled"] = fmt(one.expelled_turn)
    result["died"] = [g.person_ids[p] for p in range(g.P) if not one.alive[0, p]]
    result["indicators"] = {k: round(float(one.ind[0, i]), 1) for i, k in enumerate(INDICATORS)}
    result["indicators"]["scissors"] = round(
        float(one.ind[0, 0] / max(one.ind[0, 1], 1.0)), 2)
    return result
