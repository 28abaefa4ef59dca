"""Party Congresses and Conferences: the circular flow of power made explicit.

Secretaries deliver delegates; the delegates vote on the leadership's report; a Congress then
elects the Central Committee in proportion to the machines that sent them, and that Committee
decides who sits on the Politburo and who holds the posts — including the post that appoints
the secretaries.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from . import power, votes
from .state import State

if TYPE_CHECKING:
    from .game import Game


def report_motion(g: "Game", s: State) -> votes.Motion:
    """The vote on the Central Committee's report: the leading figure against the strongest
    open opposition (if there is one). The opposition's champion is the leader with the
    greatest following, seat or no seat: a man out of every body can still lead an opposition."""
    act = g.active(s)
    claim = power.claim(s, act, g.params, g.structural)          # read by both, worked out once
    lead = power.leading(s, act, g.params, g.structural, g.leaders, claim)
    faction = votes.derive(g, s).faction
    rival_score = np.where(faction & act & g.leaders[None, :], claim, -2.0)
    bi = np.arange(s.batch)
    rival_score[bi, lead] = -2.0
    rival = np.argmax(rival_score, axis=1)
    rival = np.where(rival_score[bi, rival] > -2.0, rival, -1)
    B = s.batch
    sitting = g.scenario.sittings[g.sitting_at[s.turn]]
    return votes.Motion.of("report", sitting.kind, lead, rival, np.zeros((B, 3), np.float32),
                           np.full(B, 0.3, np.float32), ~s.over)


def apply_report(g: "Game", s: State, m: votes.Motion, won: np.ndarray,
                 lost: np.ndarray) -> None:
    """The winners of a sitting gain standing; an outvoted opposition loses it."""
    bi = np.arange(s.batch)
    has = m.target >= 0
    t = np.clip(m.target, 0, None)
    s.prestige[bi[won], m.sponsor[won]] += 4.0
    beaten = won & has
    s.prestige[bi[beaten], t[beaten]] -= 6.0
    mates = (s.bloc[bi] & s.bloc[bi, :, t][:, :, None]).any(axis=1) & beaten[:, None]
    mates[bi, t] = False
    s.prestige -= 3.0 * mates
    s.prestige[bi[lost], m.sponsor[lost]] -= 10.0
    upset = lost & has
    s.prestige[bi[upset], t[upset]] += 8.0
    np.clip(s.prestige, 0, 100, out=s.prestige)


def elect_central_committee(g: "Game", s: State) -> None:
    """Seats not held by named members go to the patrons in proportion to their delegates."""
    sitting = g.scenario.sittings[g.sitting_at[s.turn]]
    if sitting.kind != "congress":
        return
    from .state import BODY
    named = s.member[:, :, BODY["central_committee"]].sum(axis=1)
    total = np.full(s.batch, sitting.cc_seats, dtype=np.float32) if sitting.cc_seats else \
        named + s.cc_seats.sum(axis=1)
    free = np.maximum(total - named, 0)
    share = power.delegate_share(s, g.params, g.structural)                    # [B,P]
    act = g.active(s)
    share = np.where(act, share, 0.0)
    seats = np.round(free[:, None] * share)
    s.cc_seats[:, :-1] = seats
    s.cc_seats[:, -1] = np.maximum(free - seats.sum(axis=1), 0)


def end_sitting(g: "Game", s: State) -> None:
    s.speech[:] = 0.0
