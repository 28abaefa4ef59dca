"""Questions for discussion: the classic ones of the course, tailored to one game.

The classic questions (the key questions of seed 001, and the historiographical one the game is
built to test): How did Stalin win the struggle for power? Why was Stalin able to defeat his
rivals? What was Stalin's position before 1924? What part did structure and what part did
individuals play? Each is asked of what happened in this game, with its dates and votes.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from .debrief import PathRow, VoteView

# The vote terms on each side of the structure-or-individuals question. The "candidate" term
# is in neither: it is the man put up's pull, itself a mix of both kinds (votes.PULL).
STRUCTURAL = ("patronage", "fear", "bureaucracy", "discipline", "defiance", "verdict")
AGENCY = ("ideology", "prestige", "relations", "alliance", "conspiracy", "speech")


def build(g, session, outcome: dict, turning: list["VoteView"], mine: list["VoteView"],
          path: list["PathRow"], historical) -> list[str]:
    name = lambda p: g.names.get(p, p)            # noqa: E731
    out = [_how_won(g, outcome, turning, name), _why_defeated(g, outcome, name)]
    before = _position_before_1924(g, session, name)
    if before:
        out.append(before)
    out.append(_structure(g, turning))
    close = [v for v in (mine or turning) if v.close]
    if close:
        v = min(close, key=lambda v: abs(v.tally["for"] - v.tally["against"]))
        out.append(f"The closest vote{' you took part in' if mine else ''} was on {v.date}: "
                   f"{_plain(v.text)} What would have had to change — an appointment, an "
                   f"alliance, a speech — for it to go the other way?")
    diverged = _divergence(path)
    if diverged and session.humans:
        out.append(diverged)
    if outcome.get("collapse"):
        out.append("The alliance of workers and peasants broke in your game. Which policies "
                   "(prices, procurement, the NEP) brought it down, and could any leader have "
                   "won the struggle for power while keeping it?")
    return out


def _plain(text: str) -> str:
    return text if text.endswith(".") else text + "."


def _how_won(g, outcome: dict, turning, name) -> str:
    if outcome.get("collapse"):
        return ("How did Stalin win the struggle for power? In your game nobody did: the "
                "worker–peasant alliance broke first. What does that suggest about the conditions "
                "Stalin's victory depended on?")
    leader = outcome.get("leader")
    theirs = [v for v in turning if v.sponsor == leader and v.passed]
    hint = (f" Look at {theirs[0].date}: {_plain(theirs[0].text)}" if theirs else "")
    if leader == "stalin":
        return ("How did Stalin win the struggle for power — in your game, and in history? Were "
                "the means the same?" + hint)
    return (f"How did Stalin win the struggle for power in history — and why, in your game, "
            f"was it {name(leader)} who led the party at the end?" + hint)


def _why_defeated(g, outcome: dict, name) -> str:
    leader = outcome.get("leader")
    fallen = sorted({**outcome.get("fell", {}), **outcome.get("expelled", {})}.items(),
                    key=lambda x: x[1])
    fallen = [(p, d) for p, d in fallen if p != leader]
    who = "Stalin" if leader == "stalin" or outcome.get("collapse") else name(leader)
    if fallen:
        listed = ", ".join(f"{name(p)} ({d})" for p, d in fallen)
        return (f"Why was {who} able to defeat his rivals? In your game these fell from the "
                f"Politburo or the party: {listed}. Was it their own mistakes, or the machine "
                f"that was turned against them?")
    return ("Why was Stalin able to defeat his rivals in history, when in your game no rival "
            "lost his seat in the Politburo? What was missing — time, the apparatus, the "
            "rivals' mistakes?")


def _position_before_1924(g, session, name) -> Optional[str]:
    if "stalin" not in g.pidx:
        return None
    rows = [r for r in session.history if r["date"] < "1924-01"]
    if len(rows) < 2:
        return None
    held = [g.scenario.posts[g.kidx[k]].name for k, h in rows[-1]["posts"].items()
            if h == "stalin"]
    if not held:
        return (f"What was Stalin's position before 1924? In your game, by {rows[-1]['date']}, "
                f"he held no post at all. What did losing them cost him?")
    return (f"What was Stalin's position before 1924? In your game, in {rows[-1]['date']}, he "
            f"held: {', '.join(held)}. Which of these mattered most for what came after?")


def _structure(g, turning) -> str:
    struct = sum(v.terms[t] for v in turning for t in STRUCTURAL)
    agency = sum(v.terms[t] for v in turning for t in AGENCY)
    setting = (f"The model was set at {g.structural:.2f} on a scale from 0 (individuals decide) "
               f"to 1 (social forces decide).")
    if struct + agency <= 0:
        return ("What part did structure and what part did individuals play? " + setting
                + " Your game had no vote that turned on named voters' reasons: run it again "
                  "with the setting changed and compare.")
    share = round(100 * struct / (struct + agency))
    return ("What part did structure and what part did individuals play? In the votes that "
            f"mattered in your game, about {share}% of the weight of the winning side's reasons "
            f"was the apparatus's (patronage, fear, the bureaucracy's interest, discipline) and "
            f"{100 - share}% was ideas and persons (views, standing, regard, alliances, "
            f"speeches). {setting} Does your game support the structural or the personal "
            f"explanation of Stalin's rise?")


def _divergence(path: list["PathRow"]) -> Optional[str]:
    for row in path:
        if row.game and row.history and not set(row.game) & set(row.history):
            return (f"In {row.date} your game and history parted. History: “{row.history[0]}” "
                    f"Your game: “{row.game[0]}” Did that difference decide anything later?")
    return None
