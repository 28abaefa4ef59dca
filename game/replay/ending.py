"""What the end of a game says to the player, read from the finished state and its log.

The engine's ``outcome`` gives the verdict (who leads, each role won or lost) and the first
date each leader lost his last post, his Politburo seat or his party card. Read bare, those
facts can mislead on screen: the leading figure holds a post or sits on a party body (see
``power.standing``), but he may lead from a seat alone, and his standing counts the votes of
his clients and allies; "lost his last post" also lists the dead, whose posts fall vacant after
they die, and men who later won back what they lost. This module keeps the verdict and adds what
makes it a true story: how the leader stands, why each role won or lost (for an aim of several
parts, which part failed: "Zinoviev and Kamenev still sit on the Politburo"), and the fates with
death set apart. No pygame here: the end screen, the debrief, the tests and any report read it.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..engine import power, votes
from ..engine.env import Env
from ..engine.log import SEAT_NAMES, SEATS
from ..engine.state import BODY, State
from .views import surname

if TYPE_CHECKING:
    from ..engine.game import Game

FATES = (("removed", "Lost his last post"), ("fell", "Out of the Politburo"),
         ("expelled", "Expelled"))


@dataclass(frozen=True)
class RoleResult:
    role: str
    result: str                  # "won", "lost" or "playing"
    reason: str                  # one sentence: the aim that failed (with the part that
                                 # failed, for an aim of several parts), or the aims met


@dataclass(frozen=True)
class Ending:
    leader: str | None           # the engine's verdict (None after a collapse)
    basis: str                   # how the leader stands at the end
    roles: tuple[RoleResult, ...]
    fates: tuple[tuple[str, str], ...]    # (label, "Name (date), ...") in FATES order, then deaths


def read_ending(g: "Game", state: State, outcome: dict, records: list[dict]) -> Ending:
    """The end of game 0 of ``state``: ``outcome`` is ``g.outcome(state, 0)``, ``records`` its
    log."""
    one = state.take([0])
    leader = None if outcome.get("collapse") else outcome.get("leader")
    basis = standing_sentence(g, one, leader) if leader else ""
    return Ending(leader, basis, role_results(g, one, outcome, records),
                  fates(g, one, outcome, records))


# ------------------------------------------------------------------ the leader
def standing_sentence(g: "Game", one: State, pid: str) -> str:
    """What a leader holds and commands: his posts, or else the party bodies he sits on, and
    his share of the Politburo's votes and of the Central Committee. A leader with neither is
    named only when no leader has a post or a seat (``power.standing``), and it says so."""
    i = g.pidx[pid]
    act = g.active(one)
    voters = power.politburo_votes(one, act)[0]
    commands = int(power.following(one, act, voters[None, :])[0, i])
    cc = float(power.cc_share(one, act)[0, i])
    share = f"{commands} of the {int(voters.sum())} Politburo votes and {cc:.0%} of the Central Committee"
    posts = [g.scenario.posts[k].name for k in np.flatnonzero(one.holder[0] == i)]
    sways = "" if 2 * commands > voters.sum() or cc > 0.5 else " " + swaying_sentence(g, one, i)
    if posts:
        return f"{g.names[pid]}: {'; '.join(posts)}. He commands {share}.{sways}"
    seats = [name for body, name in SEATS if one.member[0, i, BODY[body]]]
    if seats:
        return (f"{g.names[pid]} holds no post, but sits on {_and(seats)} and commands "
                f"{share}.{sways}")
    return (f"No leader holds a post or sits on a party body; {g.names[pid]} has the strongest "
            f"following: his clients and allies give him {share}.")


def swaying_sentence(g: "Game", one: State, i: int) -> str:
    """How a leader whose own following (clients and allies) is a minority of the Politburo
    and of the Central Committee leads: on his standing in the party, against the next man's,
    and what the Politburo would give a motion of his against his strongest rival - the votes
    of the men outside his following, which his standing sways (``votes.compute``)."""
    act = g.active(one)[0]
    rivals = np.flatnonzero(g.leaders & act & (np.arange(g.P) != i))
    prestige = one.prestige[0]
    said = f"He leads on his standing in the party ({prestige[i]:.0f}"
    if not len(rivals):
        return said + ")."
    best = rivals[np.argmax(prestige[rivals])]
    said += f"; the next man's, {g.names[g.person_ids[best]]}'s, {prestige[best]:.0f})"
    n = len(rivals)
    many = one.take(np.zeros(n, dtype=np.int64))
    m = votes.Motion.of("condemn", "politburo", np.full(n, i), rivals, np.zeros((n, 3), np.float32),
                        np.zeros(n, np.float32), np.ones(n, bool))
    won = votes.compute(g, many, m).votes_for
    seats = int(power.politburo_votes(one, g.active(one))[0].sum())
    k = int(np.argmin(won))
    if 2 * won[k] > seats:
        return (f"{said}, which sways the rest: a motion of his against any rival would win "
                f"{won[k]:.0f} of the {seats} Politburo votes or more.")
    return (f"{said}; a motion of his against {g.names[g.person_ids[rivals[k]]]} would win only "
            f"{won[k]:.0f} of the {seats} Politburo votes.")


def _and(items: list[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


# ------------------------------------------------------------------ the roles
def role_results(g: "Game", one: State, outcome: dict,
                 records: list[dict]) -> tuple[RoleResult, ...]:
    out = []
    for v, role in enumerate(g.role_ids):
        res = outcome["roles"].get(role, "playing")
        out.append(RoleResult(role, res, _reason(g, one, v, res, outcome, records)))
    return tuple(out)


def _reason(g, one, v: int, res: str, outcome: dict, records: list[dict]) -> str:
    lost = defeat(g, records, g.role_ids[v])
    if lost is not None:
        return f"{lost[0]} ({lost[1]})."
    if outcome.get("collapse"):
        return "The worker-peasant alliance broke: every side lost."
    if res == "playing":
        return "The game goes on."
    missed = [a.said() for a in aims(g, one, v) if not a.met]
    if not missed:
        return "Every aim met."
    return "Not achieved: " + "; ".join(missed) + "."


def defeat(g: "Game", records: list[dict], role: str) -> tuple[str, str] | None:
    """How ``role``'s side lost before the end, from the log's defeat record: (the lose aim
    met, in the scenario's words, "Dropped from the Central Committee"; the month); None if it
    has not. Such a defeat stands to the end (``victory.check_turn``), whatever follows."""
    rec = next((r for r in records if r.get("kind") == "defeat" and role in r.get("persons", ())),
               None)
    if rec is None:
        return None
    # the record reads "<name> has failed: <aim>"
    v = g.role_ids.index(role) if role in g.role_ids else -1
    text = next((a.text for a in (g.scenario.victory[v].lose if v >= 0 else ())
                 if rec["text"].endswith(a.text)), rec["text"].split(": ", 1)[-1])
    return text, rec["date"]


def missed_aims(g: "Game", one: State, v: int) -> list[str]:
    """The texts of role ``v``'s win aims that do not hold in the one-game state ``one``."""
    return [a.text for a in aims(g, one, v) if not a.met]


# ------------------------------------------------------------------ which part of an aim failed
# The engine judges each aim whole (``victory``); an aim's expression may be a conjunction in
# the scenario's grammar ("not member(trotsky, politburo) and not member(zinoviev, politburo)
# and ..."). Each part is compiled by the same grammar and read on the state; a part is put in
# words only when it is of a form a sentence can say (a seat on a body, a post held), else the
# aim stands as the scenario words it. Nothing here decides a result.
@dataclass(frozen=True)
class Aim:
    text: str                        # the scenario's words for the aim
    met: bool
    failed: tuple[str, ...] = ()     # the parts that failed, in words (empty: the aim says it)

    def said(self) -> str:
        """The aim, and where only some of its parts failed, which."""
        return f"{self.text} ({'; '.join(self.failed)})" if self.failed else self.text


def aims(g: "Game", one: State, v: int) -> list[Aim]:
    """Role ``v``'s win aims in the one-game state ``one``: each met or not, with its failed
    parts."""
    env = Env(g, one)
    out = []
    for aim, compiled in zip(g.scenario.victory[v].win, g.win_aims[v]):
        met = bool(np.asarray(compiled.fn(env))[0])
        out.append(Aim(aim.text, met, () if met else failed_parts(g, env, aim.expr)))
    return out


def failed_parts(g: "Game", env: Env, expr: str) -> tuple[str, ...]:
    """The failed parts of an aim ``a and b and ...``, each in words; () when the aim is not a
    conjunction, when every part failed (the aim's own words say it) or when a failed part has
    no sentence here."""
    from ..content.expr import compile_predicate
    source = expr.strip()
    try:
        body = ast.parse(source, mode="eval").body
    except SyntaxError:
        return ()
    if not (isinstance(body, ast.BoolOp) and isinstance(body.op, ast.And)):
        return ()
    failed = []
    for part in body.values:
        try:
            holds = bool(np.asarray(compile_predicate(ast.get_source_segment(source, part),
                                                      g.ctx)(env))[0])
        except Exception:           # noqa: BLE001 - a part the grammar will not take alone
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
    return tuple(f"{names[0]} {one}" if len(names) == 1 else f"{_and(names)} {many}"
                 for (one, many), names in grouped.items())


def phrase(g: "Game", node: ast.expr) -> tuple[str, str, str] | None:
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
    posts = {p.id: p.name for p in g.scenario.posts}
    if call.func.id == "member" and what in SEAT_NAMES:
        verb, verbs, thing = "sits on", "sit on", SEAT_NAMES[what]
    elif call.func.id == "holds" and what in posts:
        verb, verbs, thing = "holds", "hold", f"the post of {posts[what]}"
    else:
        return None
    if negated:
        return surname(g.names[who]), f"still {verb} {thing}", f"still {verbs} {thing}"
    return surname(g.names[who]), f"does not {verbs} {thing}", f"do not {verbs} {thing}"


# ------------------------------------------------------------------ the fates
def fates(g: "Game", one: State, outcome: dict,
          records: list[dict]) -> tuple[tuple[str, str], ...]:
    """Who lost his posts, his Politburo seat, his party card, and who died, each with a date.
    A man whose posts fell vacant only at or after his death is listed as dead, not as
    removed; one who later won back what he lost says so."""
    died = death_dates(records, outcome.get("died", []))
    rows = []
    for key, label in FATES:
        items = sorted(((p, d) for p, d in (outcome.get(key) or {}).items()
                        if not (p in died and d >= died[p])), key=lambda x: x[1])
        if items:
            rows.append((label, ", ".join(f"{g.names[p]} ({d}{_back(g, one, key, p)})"
                                           for p, d in items)))
    if died:
        rows.append(("Died", ", ".join(f"{g.names[p]} ({d})" for p, d in
                                       sorted(died.items(), key=lambda x: x[1]))))
    return tuple(rows)


def _back(g, one, key: str, pid: str) -> str:
    """", back later" when the man holds again what the engine's first date says he lost."""
    i = g.pidx[pid]
    if key == "removed" and (one.holder[0] == i).any():
        return ", back later"
    if key == "fell" and one.member[0, i, BODY["politburo"]]:
        return ", back later"
    return ""


def death_dates(records: list[dict], died: list[str]) -> dict[str, str]:
    """Each dead man's date, from the first death record naming him (the end if none does)."""
    out: dict[str, str] = {}
    for r in records:
        if r.get("kind") == "death":
            for p in r.get("persons", ()):
                if p in died:
                    out.setdefault(p, r["date"])
    last = records[-1]["date"] if records else ""
    return {p: out.get(p, last) for p in died}
