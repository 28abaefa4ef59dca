"""One turn, in a fixed order: events fire (health first), actions resolve, bodies vote, posts
left vacant during the turn are filled, the economy steps, the calendar advances."""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import numpy as np

from . import economy, events, motions, power, sittings, succession, upkeep, victory, votes
from .resolve import resolve_actions
from .state import State

if TYPE_CHECKING:
    from .game import Game
    from .log import Log


# ``moves`` may be a callable: it is asked for the moves once the month's events have fired,
# so players decide on the state they will act in (Lenin dead, a bloc formed by an event).
MOVES_AFTER_EVENTS = True


def resolve_turn(g: "Game", s: State, moves, choices: dict, log: Optional["Log"], chooser,
                 forced: dict) -> State:
    if s.over.all():
        return s
    held = s.holder.copy()
    events.health(g, s, log, forced)
    events.fire_events(g, s, choices, log, chooser, forced)
    if callable(moves):
        moves = moves(s)
    tabled = resolve_actions(g, s, moves, log)
    vote_phase(g, s, tabled, log)
    succession.fill_vacancies(g, s, held, log)
    frozen = _freeze(s)
    economy.step(g, s)
    upkeep.end_of_turn(g, s, log)
    _thaw(s, frozen)
    victory.check_turn(g, s, log)
    if s.turn + 1 >= g.n_turns:
        victory.finish(g, s, log)
    else:
        s.turn += 1
    upkeep.refill_action_points(g, s)
    return s


# What the economy and the month's upkeep change; a finished game keeps them as they ended,
# so a game that ends early in a batch ends exactly as it does alone.
_SLOW = ("ind", "prestige", "sec_loyalty", "intel", "attacked", "holder", "removed_turn",
         "defied_turn")


def _freeze(s: State):
    done = np.flatnonzero(s.over)
    return done, {n: getattr(s, n)[done].copy() for n in _SLOW} if len(done) else {}


def _thaw(s: State, frozen) -> None:
    done, saved = frozen
    for n, v in saved.items():
        getattr(s, n)[done] = v


def vote_phase(g: "Game", s: State, tabled: list, log: Optional["Log"]) -> None:
    """A sitting's report first, then every tabled motion in order, then the elections (a
    Congress's Central Committee, and that Committee's plenum filling the Politburo's vacant
    seats).

    The tabled motions are voted in waves (each game's first motion, then its second, …), so
    a batch of thousands needs a handful of vote computations a turn, not one per motion."""
    sitting = s.turn in g.sitting_at
    first = []
    if sitting:
        _open_sitting(g, s, log)
        first = [sittings.report_motion(g, s)]
    for wave in _waves(s, first + tabled):
        tabled_wave = wave
        wave, lapsed = motions.still_in_order(g, s, wave)
        _log_lapsed(g, s, tabled_wave, lapsed, log)
        if not wave.mask.any():
            continue
        res = votes.compute(g, s, wave)
        _log_vote(g, s, wave, res, log)
        motions.apply_result(g, s, wave, res)
        _log_successors(g, s, wave, res, log)
    if sitting:
        sittings.elect_central_committee(g, s)
        sittings.elect_politburo(g, s, log)
        sittings.end_sitting(g, s)


def _waves(s: State, moved: list) -> list:
    """The month's motions, each moved once a game, in waves (see votes.waves)."""
    if not moved:
        return []
    return votes.waves(_once_each(s, votes.stacked(moved)), s.batch)


def _once_each(s: State, tabled: votes.Motion) -> votes.Motion:
    """Drop a motion already moved this month in that game (two leaders moving the same
    thing put it to the vote once), and the games that are over; ``tabled`` is stacked
    ([T,B]), and the motions left moved nowhere go."""
    live = tabled.mask & ~s.over[None, :]                                      # [T,B]
    keys = votes.motion_key(tabled)                           # what it is about (its kind too)
    t, b = np.nonzero(live)
    order = np.lexsort((t, keys[t, b], b))          # by game, then by what, then in turn order
    t, b, k = t[order], b[order], keys[t, b][order]
    again = np.zeros(len(t), dtype=bool)
    again[1:] = (b[1:] == b[:-1]) & (k[1:] == k[:-1])      # an earlier one in that game
    live[t[again], b[again]] = False
    tabled.mask = live
    return tabled.take(np.flatnonzero(live.any(axis=1)))


def _open_sitting(g: "Game", s: State, log: Optional["Log"]) -> None:
    if log is None:
        return
    sit = g.scenario.sittings[g.sitting_at[s.turn]]
    d = power.delegates(s, g.params)
    machine = power.machine_share(s, g.params, g.structural)
    for b in range(s.batch):
        if s.over[b] or not log.wants(b):
            continue
        rows = []
        for r, rid in enumerate(g.region_ids):
            pat = int(s.sec_patron[b, r])
            rows.append({"region": rid, "delegates": int(d[b, r]),
                         "machine": int(round(d[b, r] * machine[b, r])),
                         "patron": g.person_ids[pat] if pat >= 0 else None})
        extra = {"sitting": sit.id, "delegations": rows}
        if sit.source is not None:
            extra["source"] = {"file": sit.source.file, "quote": sit.source.quote}
        log.add(b, s, "sitting", [], f"The {sit.name} opens with {int(d[b].sum())} delegates.",
                **extra)


def _log_successors(g, s, m, res, log) -> None:
    """Who took the post of a man removed by a vote (the vote's record says only that he went)."""
    if log is None:
        return
    removal = m.mask & res.passed & (m.kind == votes.KIND_CODE["remove_from_post"])
    if not removal.any():
        return
    ally = power.allied_with(s, np.maximum(m.sponsor, 0))           # as succession reads it
    for b in np.flatnonzero(removal):
        k, old, mover = int(m.arg[b]), int(m.target[b]), int(m.sponsor[b])
        new = int(s.holder[b, k])
        if new < 0 or not log.wants(int(b)):
            continue
        ids = g.person_ids
        how = ("the motion names him himself" if new == mover else
               "the motion names him" if m.arg2[b] == new else
               f"{g.names[ids[old]]}'s deputy steps in" if g.post_deputy[k] == new else
               "his client takes it" if s.patron[b, new] == mover else
               "his ally takes it" if ally[b, new] else
               f"his ally {g.names[ids[s.patron[b, new]]]}'s man takes it"
               if s.patron[b, new] >= 0 and ally[b, s.patron[b, new]] else
               "he has no man to put there, so the Central Committee chooses")
        log.add(int(b), s, "appointment", [ids[new], ids[old], ids[mover]],
                f"{g.names[ids[new]]} becomes {g.scenario.posts[k].name} in place of "
                f"{g.names[ids[old]]} ({g.names[ids[mover]]}'s motion; {how}).",
                post=g.scenario.posts[k].id)


def _log_lapsed(g, s, m, code, log) -> None:
    """A record of each motion not put because an earlier vote of the month overtook it, with
    the reason, so that its mover (a player too) sees why his motion never came to the vote."""
    if log is None or not code.any():
        return
    from .actions import Action, reason_sentence
    from .log import motion_title
    fields = motions.tabled_action(m)
    for b in np.flatnonzero(code):
        kind = motions.TABLED_BY[m.kind_of(b)]
        a = Action(kind, *(int(fields[k][b]) for k in ("actor", "target", "arg", "arg2")))
        why = reason_sentence(g, s.take([b]), a, code[b])
        title = motion_title(g, m, int(b))
        persons = [g.person_ids[a.actor]] + ([g.person_ids[a.target]] if a.target >= 0 else [])
        log.add(int(b), s, "lapsed", persons,
                f"{title[:1].upper()}{title[1:]}, moved by {g.names[g.person_ids[a.actor]]}, "
                f"is not put to the vote: {why}", motion=title, motion_kind=m.kind_of(b))


def _log_vote(g, s, m, res, log) -> None:
    if log is None:
        return
    for b in np.flatnonzero(m.mask):
        log.vote(g, s, m, res, int(b))
