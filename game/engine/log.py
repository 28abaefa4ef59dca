"""What happened: structured records per game, written as JSON Lines.

Replay, debrief, report and interface all read this log. A record always has ``turn``,
``date`` ("YYYY-MM"), ``kind``, ``persons`` (ids) and ``text`` (one sentence a student can
read); votes add the body, the motion, the result, the tally and every voter's reasons; events
add their id, the choice made and the source quoted.
"""
from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Iterable, Optional

import numpy as np

from .state import BODY, State
from .votes import TWO_THIRDS_KINDS

if TYPE_CHECKING:
    from .game import Game
    from .votes import Motion, Result

BODY_NAMES = {"politburo": "Politburo", "central_committee": "Central Committee plenum",
              "joint_plenum": "joint plenum of the Central Committee and Control Commission",
              "congress": "Party Congress", "conference": "Party Conference"}


class Log:
    """Records for a batch of games; game ``b``'s records are ``log.records[b]``."""

    def __init__(self, g: "Game", batch: int, games: Optional[Iterable[int]] = None):
        self.g = g
        self._records: list[list[dict]] = [[] for _ in range(batch)]
        self.games = None if games is None else set(int(x) for x in games)
        # votes whose voters are yet to be put into words: (record, motion, result, game)
        self._unexplained: list = []

    @property
    def records(self) -> list[list[dict]]:
        """Every game's records, each vote with its voters' reasons in words. The words are
        written when the records are first read, not when the vote is taken: a headless game
        that only prints its summary never needs them (a vote's motion and result do not
        change once it is taken, so the words are the same either way)."""
        if self._unexplained:
            from .votes import explain, explain_groups
            for rec, m, res, b in self._unexplained:
                sp, t = int(m.sponsor[b]), int(m.target[b])
                rec["voters"] = explain(self.g, m, res, b)
                rec["groups"] = explain_groups(self.g, res, b, sp, t)
            self._unexplained.clear()
        return self._records

    def wants(self, b: int) -> bool:
        return self.games is None or b in self.games

    def add(self, b: int, s: State, kind: str, persons: list[str], text: str,
            **extra) -> Optional[dict]:
        if not self.wants(b):
            return None
        rec = {"turn": int(s.turn), "date": self.g.date(s.turn), "kind": kind,
               "persons": list(persons), "text": text}
        rec.update(extra)
        self._records[b].append(rec)
        return rec

    # ------------------------------------------------------------------ kinds
    def event(self, g: "Game", s: State, b: int, e: int, choice: Optional[int],
              decider: int = -1, unseated: Iterable[tuple] = ()) -> None:
        """Event ``e``'s record in game ``b``: ``decider``, who decided it there
        (events.deciders); ``unseated``, the (effect, args) of its appointments and seats that
        a dead or expelled man did not take, said after its text, which tells what history
        did."""
        ev = g.scenario.events[e]
        persons = g.event_persons[e]
        if decider >= 0 and g.person_ids[decider] not in persons:
            persons = sorted((*persons, g.person_ids[decider]))
        extra = {"event": ev.id, "title": ev.title}
        text = ev.title
        if choice is not None:
            c = ev.choices[choice]
            extra["choice"] = c.id
            extra["choice_label"] = c.label
            extra["historical"] = bool(c.historical)
            text = f"{ev.title}: {c.label}"
        if ev.source is not None:
            extra["source"] = {"file": ev.source.file, "quote": ev.source.quote}
        extra["detail"] = " ".join((ev.text, *(unseated_text(g, s, b, name, args)
                                               for name, args in unseated)))
        self.add(b, s, ev.kind or "event", persons, text, **extra)

    def vote(self, g: "Game", s: State, m: "Motion", res: "Result", b: int,
             why: Optional[str] = None, **extra) -> None:
        """A vote's record; ``why``: a sentence on how the motion came to the vote (the plenum
        after a Congress says whom its majority put up and why), added to the text; ``extra``:
        further fields (the plenum's ``election``)."""
        if not self.wants(b):
            return
        sp, t = int(m.sponsor[b]), int(m.target[b])
        title = motion_title(g, m, b)
        passed = bool(res.passed[b])
        tally = {"for": int(res.votes_for[b]), "against": int(res.votes_against[b]),
                 "abstain": int(res.abstain[b])}
        persons = [g.person_ids[sp]] + ([g.person_ids[t]] if t >= 0 else [])
        if m.kind_of(b) == "promote" and int(m.arg2[b]) != sp:    # not a man who moved himself
            persons.append(g.person_ids[int(m.arg2[b])])
        body = BODY_NAMES[m.body_of(b)]
        # a majority that loses says why: an expulsion from the Committee or the party needs
        # two thirds (votes.TWO_THIRDS)
        need = "; an expulsion needs two thirds" if m.kind_of(b) in TWO_THIRDS_KINDS else ""
        text = (f"The {body} {'adopts' if passed else 'rejects'} {_as_voted(g, m, b, title, tally)} "
                f"({tally['for']}–{tally['against']}{need}).") + (f" {why}" if why else "")
        rec = self.add(b, s, "vote", persons, text, body=m.body_of(b), motion=title,
                 motion_kind=m.kind_of(b),
                 sponsor=g.person_ids[sp], target=g.person_ids[t] if t >= 0 else None,
                 result="passed" if passed else "failed", tally=tally,
                 voters=None, groups=None, **extra)
        self._unexplained.append((rec, m, res, b))

    # ------------------------------------------------------------------ output
    def lines(self, b: int = 0) -> str:
        return "".join(json.dumps(r, ensure_ascii=False, default=_plain) + "\n"
                       for r in self.records[b])

    def write(self, path: str, b: int = 0) -> None:
        with open(path, "w", encoding="utf-8") as f:
            f.write(self.lines(b))


def _plain(x):
    if isinstance(x, (np.integer,)):
        return int(x)
    if isinstance(x, (np.floating,)):
        return round(float(x), 4)
    if isinstance(x, np.bool_):
        return bool(x)
    raise TypeError(type(x))


# a seat on each body, in words, in the order a man's seats are listed (unseated_text here; the
# end of a game, game.replay.ending)
SEATS = (("politburo", "the Politburo"), ("politburo_candidate", "the Politburo (as a candidate)"),
         ("central_committee", "the Central Committee"), ("secretariat", "the Secretariat"),
         ("orgburo", "the Orgburo"), ("control_commission", "the Control Commission"))
SEAT_NAMES = dict(SEATS)


def unseated_text(g: "Game", s: State, b: int, name: str, args: tuple) -> str:
    """What an event's ``appoint`` or ``enter`` did not do in game ``b``: its man is dead or
    expelled from the party (mutate.unseatable)."""
    p = int(np.broadcast_to(np.asarray(args[0]), (s.batch,))[b])
    who = g.names[g.person_ids[p]]
    why = "expelled from the party" if s.alive[b, p] else "dead"
    if name == "appoint":
        post = g.scenario.posts[args[1]].name
        return f"In this game {who} is {why} and does not take the post of {post}."
    body = next(k for k, i in BODY.items() if i == args[1])
    return f"In this game {who} is {why} and takes no seat on {SEAT_NAMES[body]}."


def mentioned(ev, pids: Iterable[str]) -> list[str]:
    """The persons among ``pids`` that the event names as a word in its trigger or effects,
    sorted (who decides it, which may differ game by game, is added to each record).

    Game construction asks this of every event for every person: searching each text for each
    person with a new regex was most of building a Game, so the event's texts are split into
    words once. An id made of word characters (every valid id) is named exactly when it is one
    of those words, which is what ``\\bid\\b`` finds; any other id is searched for as before.
    """
    texts = _texts(ev)
    words = set(_WORD.findall("\n".join(texts)))
    return sorted(p for p in pids
                  if (p in words if _WORD.fullmatch(p) else any(_has_word(t, p) for t in texts)))


_WORD = re.compile(r"\w+")


def _texts(ev) -> list[str]:
    texts = [ev.trigger, *ev.effects]
    for c in ev.choices:
        texts.extend(c.effects)
    return texts


def _has_word(text: str, word: str) -> bool:
    return re.search(rf"\b{re.escape(word)}\b", text) is not None


def motion_title(g: "Game", m: "Motion", b: int) -> str:
    """The motion in words, e.g. 'the motion to expel Trotsky from the party'."""
    name = lambda i: g.names[g.person_ids[int(i)]]        # noqa: E731
    t = int(m.target[b])
    k = m.kind_of(b)
    if k in ("resolution", "policy"):
        return f"“{g.scenario.motions[int(m.motion[b])].name}”"
    if k == "condemn":
        return f"the motion condemning {name(t)}'s views"
    if k == "remove_from_post":
        return f"the motion removing {name(t)} as {g.scenario.posts[int(m.arg[b])].name}"
    if k == "expel_politburo":
        return f"the motion removing {name(t)} from the Politburo"
    if k == "expel_cc":
        return f"the motion expelling {name(t)} from the Central Committee"
    if k == "expel_party":
        return f"the motion expelling {name(t)} from the party"
    if k == "demote":
        return f"the motion reducing {name(t)} to a candidate member of the Politburo"
    if k == "promote":
        return f"the motion electing {name(m.arg2[b])} to the Politburo"
    if k == "testament":
        return "the motion to read Lenin's Testament to the delegates"
    if k == "testament_suppress":
        return "the motion to keep Lenin's Testament from the delegates"
    if k == "report":
        against = f" against {name(t)}'s opposition" if t >= 0 else ""
        return f"the Central Committee's report, moved by {name(m.sponsor[b])}{against}"
    return k


def _as_voted(g: "Game", m: "Motion", b: int, title: str, tally: dict) -> str:
    """The title as the vote turned out: a report no delegate voted against was not carried
    "against" an opposition, whose own men voted for it too (as the defeated oppositions
    did once they had recanted)."""
    t = int(m.target[b])
    if m.kind_of(b) != "report" or t < 0 or tally["against"] > 0:
        return title
    name = lambda i: g.names[g.person_ids[int(i)]]        # noqa: E731
    return (f"the Central Committee's report, moved by {name(m.sponsor[b])}, without a vote "
            f"against: even {name(t)}'s opposition voted for it")


def readable(rec: dict, names: Optional[dict] = None) -> str:
    """One record as lines for a terminal: date, what happened, the vote and why (each voter
    by his name in ``names``, person id -> name), the source."""
    out = [f"{rec['date']}  {rec['text']}"]
    if rec["kind"] == "vote":
        for v in rec.get("voters", []):
            why = "; ".join(r["text"] for r in v["reasons"]) or "—"
            if v.get("despite"):
                why += " — despite: " + "; ".join(r["text"] for r in v["despite"])
            who = (names or {}).get(v["id"], v["id"])
            out.append(f"           {who:<22} {v['vote']:<8} {why}")
        for grp in rec.get("groups", []):
            out.append(f"           {grp['for']:>4} for {grp['against']:>4} against  {grp['text']}")
    src = rec.get("source")
    if src and src.get("file"):
        quote = f" “{src['quote']}”" if src.get("quote") else ""
        out.append(f"           source: {src['file']}{quote}")
    return "\n".join(out)
