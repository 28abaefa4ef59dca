"""What the end of a game says to the player, read from the finished state and its log.

The engine's ``outcome`` gives the verdict (who leads, each role won or lost) and the first
date each leader lost his last post, his Politburo seat or his party card. Read bare, those
facts can mislead on screen: the leading figure holds a post or sits on a party body (see
``power.standing``), but he may lead from a seat alone, and his standing counts the votes of
his clients and allies; "lost his last post" also lists the dead, whose posts fall vacant after
they die, and men who later won back what they lost. This module keeps the verdict and adds what
makes it a true story: how the leader stands, why each role won or lost, and the fates with
death set apart. No pygame here: the end screen, the tests and any report can read it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..engine import power, votes
from ..engine.env import Env
from ..engine.state import BODY, State

if TYPE_CHECKING:
    from ..engine.game import Game

FATES = (("removed", "Lost his last post"), ("fell", "Out of the Politburo"),
         ("expelled", "Expelled"))
# the party bodies, as a sentence names them (in the order of state.BODIES)
SEATS = (("politburo", "the Politburo"), ("politburo_candidate", "the Politburo (as a candidate)"),
         ("central_committee", "the Central Committee"), ("secretariat", "the Secretariat"),
         ("orgburo", "the Orgburo"), ("control_commission", "the Control Commission"))


@dataclass(frozen=True)
class RoleResult:
    role: str
    result: str                  # "won", "lost" or "playing"
    reason: str                  # one sentence: the aim that failed, or the aims met


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
    role = g.role_ids[v]
    defeat = next((r for r in records if r.get("kind") == "defeat" and role in r.get("persons", ())),
                  None)
    if defeat is not None:
        return f"{_lose_text(g, v, defeat['text'])} ({defeat['date']})."
    if outcome.get("collapse"):
        return "The worker-peasant alliance broke: every side lost."
    if res == "playing":
        return "The game goes on."
    missed = missed_aims(g, one, v)
    if not missed:
        return "Every aim met."
    return "Not achieved: " + "; ".join(missed) + "."


def _lose_text(g, v: int, record_text: str) -> str:
    """The lose aim a defeat record names (the record reads "<name> has failed: <aim>")."""
    for aim in g.scenario.victory[v].lose:
        if record_text.endswith(aim.text):
            return aim.text
    return record_text


def missed_aims(g: "Game", one: State, v: int) -> list[str]:
    """The texts of role ``v``'s win aims that do not hold in the one-game state ``one``."""
    env = Env(g, one)
    aims = g.scenario.victory[v].win
    return [a.text for a, fn in zip(aims, g.win_aims[v]) if not bool(np.asarray(fn.fn(env))[0])]


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
