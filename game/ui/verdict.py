"""The end's verdict in words a player reads without a contradiction: who leads, and beside it
what the player's own result means ("You lead the party, but lost: ..."), and for an aim of
several parts that is not achieved, the part that failed ("Kamenev still sits on the
Politburo").

The engine judges each aim whole (``game.engine.victory``); an aim's expression is a
conjunction in the scenario's grammar ("not member(trotsky, politburo) and not
member(zinoviev, politburo) and ..."). Here each part is compiled by the same grammar and read
on the finished state; a part is put in words only when it is of a form a sentence can say
(a seat on a body, a post held), else the aim stands as the scenario words it. Nothing here
decides a result: it only says which part of a failed aim failed.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass

import numpy as np

from game.replay.ending import SEATS

BODY_NAMES = dict(SEATS)       # the party bodies as a sentence names them


@dataclass(frozen=True)
class Aim:
    text: str           # the scenario's words for the aim
    met: bool
    failed: tuple[str, ...] = ()     # the parts that failed, in words (empty: the aim says it)

    def said(self) -> str:
        """The aim, and where only some of its parts failed, which."""
        return f"{self.text} ({'; '.join(self.failed)})" if self.failed else self.text


def aims(g, state, role: str) -> list[Aim]:
    """Role ``role``'s win aims on game 0 of ``state``: each met or not, with its failed parts."""
    from game.engine.env import Env
    v = g.role_ids.index(role)
    one = state.take([0])
    env = Env(g, one)
    out = []
    for aim, compiled in zip(g.scenario.victory[v].win, g.win_aims[v]):
        met = bool(np.asarray(compiled.fn(env))[0])
        out.append(Aim(aim.text, met, () if met else failed_parts(g, env, aim.expr)))
    return out


def failed_parts(g, env, expr: str) -> tuple[str, ...]:
    """The failed parts of an aim ``a and b and ...``, each in words; () when the aim is not a
    conjunction, when every part failed (the aim's own words say it) or when a failed part has
    no sentence here."""
    from game.content.expr import compile_predicate
    try:
        body = ast.parse(expr.strip(), mode="eval").body
    except SyntaxError:
        return ()
    if not (isinstance(body, ast.BoolOp) and isinstance(body.op, ast.And)):
        return ()
    failed = []
    for part in body.values:
        text = ast.get_source_segment(expr.strip(), part)
        try:
            holds = bool(np.asarray(compile_predicate(text, g.ctx)(env))[0])
        except Exception:           # noqa: BLE001 — a part the grammar will not take alone
            return ()
        if not holds:
            failed.append(part)
    if len(failed) == len(body.values):
        return ()
    words = [phrase(g, p) for p in failed]
    if not all(words):
        return ()
    # parts that say the same of several men are said once: "Zinoviev and Kamenev still sit on"
    grouped: dict[tuple[str, str], list[str]] = {}
    for name, one, many in words:
        grouped.setdefault((one, many), []).append(name)
    return tuple(f"{names[0]} {one}" if len(names) == 1 else
                 f"{', '.join(names[:-1])} and {names[-1]} {many}"
                 for (one, many), names in grouped.items())


def phrase(g, node) -> tuple[str, str, str] | None:
    """A failed part in words, for the forms a sentence can say, as (the man, what is so of
    him, what is so of several); None for any other form."""
    negated = isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not)
    call = node.operand if negated else node
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and len(call.args) == 2
            and all(isinstance(a, ast.Name) for a in call.args)):
        return None
    who, what = call.args[0].id, call.args[1].id
    if who not in g.pidx:
        return None
    from game.ui.session import surname
    name = surname(g.names[who])
    if call.func.id == "member" and what in BODY_NAMES:
        body = BODY_NAMES[what]
        if negated:
            return name, f"still sits on {body}", f"still sit on {body}"
        return name, f"does not sit on {body}", f"do not sit on {body}"
    posts = {p.id: p.name for p in g.scenario.posts}
    if call.func.id == "holds" and what in posts:
        if negated:
            return name, f"still holds the post of {posts[what]}", f"still hold the post of {posts[what]}"
        return name, f"does not hold the post of {posts[what]}", f"do not hold the post of {posts[what]}"
    return None


def player_result(session, ending, pid: str) -> tuple[str, bool]:
    """(one sentence on ``pid``'s result read beside the headline, whether he won): a leader of
    the party who lost is told so in one breath, so the two never seem to contradict."""
    res = next((r for r in ending.roles if r.role == pid), None)
    one = len(session.players) == 1
    you = "You" if one else session.name(pid)
    if res is None:
        return "", False
    if res.result == "won":
        return f"{you} won: every aim met.", True
    if res.result == "playing":
        return f"{you}: the game goes on.", False
    if ending.leader is None:
        return f"{you} lost, as every side did: the worker-peasant alliance broke.", False
    defeat = session.defeat(pid) if hasattr(session, "defeat") else None
    if defeat is not None:
        aim = defeat.get("text", "").split(": ", 1)[-1]
        return f"{you} lost in {people_date(defeat['date'])}: {aim[:1].lower() + aim[1:]}.", False
    missed = sum(not a.met for a in aims(session.g, session.state, pid))
    n = len(session.g.scenario.victory[session.g.role_ids.index(pid)].win)
    count = f"{missed} of {n} aims not achieved"
    if ending.leader == pid:
        lead = "lead" if one else "leads"
        return f"{you} {lead} the party, but lost the game: {count}.", False
    return f"{you} lost: {count}.", False


def people_date(date: str) -> str:
    from game.ui.people import long_date
    return long_date(date)
