"""The debrief at the end of a game: what a student reads, discusses and hands in.

Built from the game's log (and the historical replay's, if the scenario has a script):

- the player's path beside the historical one, month by month;
- the turning points: votes decided by few votes, or that changed who held posts and seats,
  each with why it went as it did (the voters' own reasons from the log);
- the player's decisive votes, named, with their reasons;
- the sources the game quoted (quotations apart from reconstructions);
- questions for discussion, the classic ones of the course tailored to this game.

``build_debrief(session).write("debrief.html")`` (or ``.md``); see ``debrief_export``.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from . import debrief_export, questions
from ..engine.votes import TWO_THIRDS_KINDS

if TYPE_CHECKING:
    from .session import Session

# Votes that change who holds power: posts and seats.
CHANGING = ("remove_from_post", "expel_politburo", "expel_cc", "expel_party", "promote")
WEIGHTY = CHANGING + ("condemn", "testament", "testament_suppress")
TERM_WORDS = {"patronage": "patronage (who made whose career)", "fear": "fear of the apparatus",
              "bureaucracy": "the interest of the apparatus", "discipline": "party discipline",
              "defiance": "an opposition's defiance or submission",
              "verdict": "no verdict yet on the man's views",
              "ideology": "views on the great questions", "prestige": "standing in the party",
              "relations": "personal regard", "alliance": "alliances",
              "conspiracy": "an alliance formed against the mover", "speech": "speeches",
              "noise": "personal judgement", "candidate": "the man put up"}
KEY_KINDS = ("death", "stroke", "defeat", "collapse", "end")
MAX_POINTS = 10


@dataclass
class VoteView:
    """One vote, explained."""
    date: str
    text: str                       # the log's sentence ("The Politburo adopts ...")
    motion: str
    body: str
    passed: bool
    tally: dict
    close: bool                     # decided by few votes
    changes: bool                   # changed who holds a post or a seat
    sponsor: Optional[str]
    target: Optional[str]
    part: str = ""                  # the player's part in it, in words
    why: list[str] = field(default_factory=list)           # sentences: why it went this way
    voters: list[tuple[str, str, str]] = field(default_factory=list)  # name, vote, reasons
    groups: list[str] = field(default_factory=list)
    terms: Counter = field(default_factory=Counter)        # reason terms of the winning side


@dataclass
class SourceView:
    file: str
    quote: str
    where: str                      # "1923-10, The scissors crisis"

    @property
    def quotation(self) -> bool:
        return bool(self.quote) and self.file.strip().lower() != "general history"


@dataclass
class PathRow:
    date: str
    game: list[str]
    history: list[str]


@dataclass
class Debrief:
    title: str
    scenario: str
    seed: int
    players: list[str]              # names of the leaders played by people
    period: str
    outcome: str
    roles: list[tuple[str, str, str]]   # name, won/lost/still playing, and why
    took_over: Optional[str]        # the month a player took over the historical replay
    path: list[PathRow]
    path_note: str
    turning_points: list[VoteView]
    player_votes: list[VoteView]
    sources: list[SourceView]
    questions: list[str]
    numbers: list[tuple[str, str, str, str]]   # label, start, end, end in history
    structural: float
    standing: str = ""              # how the leader holds power at the end (as the end screen says)

    def markdown(self) -> str:
        return debrief_export.markdown(self)

    def html(self) -> str:
        return debrief_export.html(self)

    def write(self, path) -> None:
        debrief_export.write(self, path)


# ---------------------------------------------------------------------- building
def build_debrief(session: "Session", historical: Optional["Session"] = None) -> Debrief:
    """The debrief of ``session`` (finished or not). ``historical``: the historical replay to
    compare with (default: the scenario's script played with the same seed, if it has one)."""
    g = session.game
    if historical is None and g.scenario.script:
        from .script import historical as replay
        historical = replay(g.scenario, seed=session.seed)
    names = g.names
    players = [names.get(p, p) for p in session.humans]
    records = session.records
    votes = [explain_vote(g, r, session.humans) for r in records if r["kind"] == "vote"]
    turning = select_turning_points(votes)
    mine = select_player_votes(votes, session.humans)
    outcome = session.outcome()
    took = session.origin.get("until") if session.origin.get("kind") == "replay" else None
    took_over = g.date(took) if took and session.humans and took < g.n_turns else None
    start_turn = took or 0
    path = path_rows(g, records, historical.records if historical else [], start_turn)
    note = _path_note(g, historical, took_over)
    return Debrief(
        title=g.scenario.title, scenario=g.scenario.id, seed=session.seed, players=players,
        period=f"{g.date(0)} to {g.date(session.turn)}", outcome=outcome_sentence(g, outcome),
        roles=_roles(g, session, outcome, records),
        took_over=took_over, path=path, path_note=note, turning_points=turning,
        player_votes=mine, sources=collect_sources(records),
        questions=questions.build(g, session, outcome, turning, mine, path, historical),
        numbers=_numbers(session, historical), structural=g.structural,
        standing=_standing(g, session, outcome))


def explain_vote(g, rec: dict, humans=()) -> VoteView:
    tally = rec.get("tally", {})
    f, a = int(tally.get("for", 0)), int(tally.get("against", 0))
    passed = rec.get("result") == "passed"
    total = max(f + a, 1)
    close = abs(f - a) <= max(2, round(0.1 * total))
    kind = rec.get("motion_kind", "")
    changes = passed and (kind in CHANGING or (kind == "report" and rec.get("target")))
    view = VoteView(rec["date"], rec["text"], rec.get("motion", ""), rec.get("body", ""),
                    passed, {"for": f, "against": a, "abstain": int(tally.get("abstain", 0))},
                    close, bool(changes), rec.get("sponsor"), rec.get("target"))
    winning = "for" if passed else "against"
    name = lambda p: g.names.get(p, p)            # noqa: E731
    for v in rec.get("voters", []):
        reasons = "; ".join(r["text"] for r in v.get("reasons", [])) or "—"
        view.voters.append((name(v["id"]), v["vote"], reasons))
        if v["vote"] == winning:
            for r in v.get("reasons", []):
                if r.get("term") in TERM_WORDS:
                    view.terms[r["term"]] += abs(float(r.get("value", 0.0)))
    view.groups = [f"{grp['for']} for, {grp['against']} against: {grp['text']}"
                   for grp in rec.get("groups", [])]
    view.why = _why(g, rec, view, winning)
    view.part = _part(g, rec, humans)
    return view


def _why(g, rec: dict, view: VoteView, winning: str) -> list[str]:
    name = lambda p: g.names.get(p, p)            # noqa: E731
    verdict = "carried" if view.passed else "defeated"
    f, a = view.tally["for"], view.tally["against"]
    # a majority short of the two thirds an expulsion needs: the minority decides
    blocked = not view.passed and f > a and rec.get("motion_kind") in TWO_THIRDS_KINDS
    if blocked:
        out = [f"It was defeated: {f} for and {a} against is a majority, but short of the two "
               "thirds an expulsion needs, so the minority decided."]
    else:
        out = [f"It was {verdict} {f}–{a}" + (", a close vote." if view.close else ".")]
    side = [v for v in rec.get("voters", []) if v["vote"] == winning
            and v["id"] not in (rec.get("sponsor"), rec.get("target"))]
    if side:
        parts = [f"{name(v['id'])} ({'; '.join(r['text'] for r in v['reasons'][:2]) or '—'})"
                 for v in side]
        out.append(f"Those who {verdict} it: " + ", ".join(parts) + ".")
    blocs = [f"{grp[winning]} of {grp['size']} {_group_name(g, grp['group'])}"
             for grp in rec.get("groups", [])
             if grp.get("size", 0) and grp.get(winning, 0) >= 0.6 * grp["size"]]
    if blocs:
        # at a Congress no delegate is named: the delegations are the side itself
        lead_in = "With them voted" if side else ("Carried by" if view.passed else "Defeated by")
        out.append(f"{lead_in} {', '.join(blocs)}.")
    if view.terms:
        top = [TERM_WORDS[t] for t, _ in view.terms.most_common(2)]
        side_name = "the minority that blocked it" if blocked else "the winning side"
        out.append(f"What weighed most with {side_name}: " + " and ".join(top) + ".")
    return out


def _group_name(g, group: str) -> str:
    kind, _, ident = group.partition(":")
    if kind == "clients":
        return f"the Central Committee men who owe their seats to {g.names.get(ident, ident)}"
    if kind == "region" and ident in g.ridx:
        return f"the {g.scenario.regions[g.ridx[ident]].name} delegates"
    if kind == "control_commission":
        return "the Control Commission"
    return "the members bound to no patron"


def _part(g, rec: dict, humans) -> str:
    for p in humans:
        who = g.names.get(p, p)
        if rec.get("sponsor") == p:
            return f"{who} moved it."
        if rec.get("target") == p:
            return f"It was aimed at {who}."
    for p in humans:
        for v in rec.get("voters", []):
            if v["id"] == p:
                return f"{g.names.get(p, p)} voted {v['vote']}."
    return ""


def _importance(v: VoteView) -> tuple:
    return (v.changes, v.close, -abs(v.tally["for"] - v.tally["against"]))


def select_turning_points(votes: list[VoteView]) -> list[VoteView]:
    """The votes that mattered: close ones, and those that changed posts or seats — the
    weightiest first, spread over the years (a motion moved again the same month counts once)."""
    seen, chosen = set(), []
    for v in votes:
        key = (v.date, v.motion, v.body)
        if (v.close or v.changes) and key not in seen:
            seen.add(key)
            chosen.append(v)
    years = len({v.date[:4] for v in chosen}) or 1
    cap = max(2, -(-MAX_POINTS // years))
    per_year: Counter = Counter()
    out = []
    for v in sorted(chosen, key=_importance, reverse=True):
        if len(out) < MAX_POINTS and per_year[v.date[:4]] < cap:
            per_year[v.date[:4]] += 1
            out.append(v)
    return sorted(out, key=lambda v: v.date)


def select_player_votes(votes: list[VoteView], humans) -> list[VoteView]:
    """The player's decisive votes: those he moved or that were aimed at him, and close votes
    he took part in — weightiest first, at most MAX_POINTS, in date order."""
    if not humans:
        return []
    own = [v for v in votes if v.sponsor in humans or v.target in humans
           or (v.close and v.part)]
    own = [v for v in own if v.close or v.changes or v.passed or v.target in humans
           or _weighty(v)]
    seen, unique = set(), []
    for v in own:
        if (v.date, v.motion, v.body, v.sponsor) not in seen:
            seen.add((v.date, v.motion, v.body, v.sponsor))
            unique.append(v)
    chosen = sorted(unique, key=_importance, reverse=True)[:MAX_POINTS]
    return sorted(chosen, key=lambda v: v.date)


def _weighty(v: VoteView) -> bool:
    return any(w in v.motion for w in ("remov", "expel", "condemn", "Testament"))


# ---------------------------------------------------------------------- path and sources
def key_lines(records: list[dict], history: bool = False) -> dict[str, list[str]]:
    """The records worth setting side by side, by date, as short sentences."""
    out: dict[str, list[str]] = {}
    for r in records:
        kind = r["kind"]
        keep = ("event" in r or kind in KEY_KINDS or (kind == "alliance" and "Form" in r["text"])
                or (kind == "vote" and (r.get("motion_kind") in WEIGHTY
                                        or (r.get("motion_kind") == "report"
                                            and r.get("target")))
                    and r.get("result") == "passed"))
        if history and kind == "history":
            keep = True
        if keep:
            out.setdefault(r["date"], []).append(r["text"])
    return out


def path_rows(g, records: list[dict], hist: list[dict], start_turn: int = 0) -> list[PathRow]:
    start = g.date(start_turn)
    mine, theirs = key_lines(records), key_lines(hist, history=True)
    dates = sorted(d for d in set(mine) | set(theirs) if d >= start)
    return [PathRow(d, mine.get(d, []), theirs.get(d, [])) for d in dates]


def _path_note(g, historical, took_over) -> str:
    if historical is None:
        return ("This scenario has no historical script, so the right-hand column is empty; the "
                "events of your game marked as history's choices are noted in the log.")
    note = ("The historical path is the scenario's script played by the same rules and seed: "
            "the moves are history's, the votes are the model's own.")
    if took_over:
        note += f" Until {took_over} your game followed history; the table starts there."
    return note


def collect_sources(records: list[dict]) -> list[SourceView]:
    seen, out = set(), []
    for r in records:
        src = r.get("source")
        if not src or not src.get("file"):
            continue
        key = (src["file"], src.get("quote", ""))
        if key in seen:
            continue
        seen.add(key)
        what = (r.get("title") or r["text"]).rstrip(".")
        out.append(SourceView(src["file"], src.get("quote", ""), f"{r['date']}, {what}"))
    return out


def _roles(g, session: "Session", outcome: dict,
           records: list[dict]) -> list[tuple[str, str, str]]:
    """Each side's result and the end screen's reason for it (the aim that failed)."""
    from .ending import role_results
    return [(g.names.get(r.role, r.role), r.result, r.reason)
            for r in role_results(g, session.state.take([0]), outcome, records)]


def _standing(g, session: "Session", outcome: dict) -> str:
    """The end screen's sentence on how the leader holds power, for a finished game."""
    if not outcome["over"] or outcome["collapse"] or not outcome.get("leader"):
        return ""
    from .ending import standing_sentence
    return standing_sentence(g, session.state.take([0]), outcome["leader"])


def outcome_sentence(g, outcome: dict) -> str:
    if not outcome["over"]:
        return f"The game is still in progress; {g.names.get(outcome['leader'])} leads for now."
    if outcome["collapse"]:
        return "The alliance of workers and peasants broke: every side lost."
    return f"{g.names.get(outcome['leader'], outcome['leader'])} leads the party at the end."


NUMBERS = (("industrial_prices", "Industrial prices (1913 = 100)"),
           ("agricultural_prices", "Agricultural prices (1913 = 100)"),
           ("industrial_output", "Industrial output (% of 1913)"),
           ("peasant_mood", "Peasant mood (0–100)"),
           ("bureaucracy", "Weight of the bureaucracy (0–100)"),
           ("isolation", "Isolation of the revolution (0–100)"))


def _numbers(session, historical) -> list[tuple[str, str, str, str]]:
    first, last = session.history[0], session.history[-1]
    hist = historical.history[-1] if historical is not None else None
    rows = []
    for key, label in NUMBERS:
        h = f"{hist['indicators'][key]:.0f}" if hist else "—"
        rows.append((label, f"{first['indicators'][key]:.0f}",
                     f"{last['indicators'][key]:.0f}", h))
    h = f"{hist['scissors']:.2f}" if hist and hist["scissors"] else "—"
    rows.append(("The scissors (industrial ÷ agricultural prices)", f"{first['scissors']:.2f}",
                 f"{last['scissors']:.2f}", h))
    h = f"{hist['members']:.0f}" if hist else "—"
    rows.append(("Party members (thousands)", f"{first['members']:.0f}",
                 f"{last['members']:.0f}", h))
    return rows
