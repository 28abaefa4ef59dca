"""Party Congresses and Conferences: the circular flow of power made explicit.

Secretaries deliver delegates; the delegates vote on the leadership's report; a Congress then
elects the Central Committee in proportion to the machines that sent them, and that Committee
decides who sits on the Politburo and who holds the posts — including the post that appoints
the secretaries. The plenum that follows each Congress closes the loop: the new Committee fills
the Politburo's vacant seats (``elect_politburo``).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

import numpy as np

from . import motions, power, votes
from .legality import inviolable, politburo_vacancies
from .state import BODY, State

if TYPE_CHECKING:
    from .game import Game
    from .log import Log


def report_motion(g: "Game", s: State) -> votes.Motion:
    """The vote on the Central Committee's report: the leading figure against the strongest
    open opposition (if there is one). The opposition's champion is the leader with the
    greatest following, seat or no seat: a man out of every body can still lead an opposition,
    though not one no motion may be moved against (legality.inviolable: Lenin while he lives)."""
    act = g.active(s)
    claim = power.claim(s, act, g.params, g.structural)          # read by both, worked out once
    lead = power.leading(s, act, g.params, g.structural, g.leaders, claim)
    faction = votes.derive(g, s).faction & ~inviolable(g, s)
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


def elect_politburo(g: "Game", s: State, log: Optional["Log"]) -> None:
    """The plenum after a Congress: the Central Committee just elected fills the Politburo's
    vacant full seats, up to the number the Congress set (001: "the Politburo was responsible
    to the Central Committee (CC) which elected it"). Seat by seat, the leader whose following
    commands most of the Committee moves the election of the man its majority backs
    (``nominate``) and the Committee votes on it like any promotion. Should it refuse him, the
    leader with the next largest following puts up his man, and so on; a leader refused once
    moves no more at that plenum. When no leader is left to move (the Committee has refused
    each one's man - most often for moving as a member of a banned faction - or none sits on
    it), the Committee votes on its own choice, a man standing on his own merits: the highest
    on its list of those it would elect (``own_choice``). A seat stays vacant only when it
    refuses even him (a leader's motion may fill it later). Sitting members keep their seats,
    and a full Politburo is left as it is, and so is one whose seats the scenario does not
    number."""
    if g.scenario.sittings[g.sitting_at[s.turn]].kind != "congress" or \
            not g.seats_given[s.turn]:
        return
    seats = np.where(s.over, 0, np.maximum(politburo_vacancies(g, s), 0))
    refused = np.zeros((s.batch, g.P), dtype=bool)         # leaders whose man was refused
    zero3, zero = np.zeros((s.batch, 3), np.float32), np.zeros(s.batch, np.float32)
    while seats.any():            # a round: a seat filled, or a mover refused, in each game
        nom = nominate(g, s, refused, seats > 0)
        moved = (seats > 0) & (nom.nominee >= 0)
        if not moved.any():
            return
        own = nom.mover < 0                 # the Committee's own choice stands as his own mover
        sponsor = np.maximum(np.where(own, nom.nominee, nom.mover), 0)
        m = votes.Motion.of("promote", "central_committee", sponsor, np.full(s.batch, -1),
                            zero3, zero, moved, None, None, nom.nominee)
        res = votes.compute(g, s, m)
        if log is not None:
            for b in np.flatnonzero(moved):
                why = nomination_text(g, s, nom, int(b))
                log.vote(g, s, m, res, int(b), why=why, election=nom.record(g, int(b), why))
        motions.apply_result(g, s, m, res)
        lost = np.flatnonzero(moved & ~res.passed & ~own)
        refused[lost, nom.mover[lost]] = True
        # its own choice refused, the Committee would refuse any other man it could put up
        seats = np.where(moved & ~(own & ~res.passed), seats - res.passed, 0)


@dataclass
class Nomination:
    """Whom the plenum's majority puts up for a vacant seat, and why, in every game of a batch
    ([B] arrays; the mover -1 where no leader is left to move it, the nominee -1 where no
    eligible man is)."""
    mover: np.ndarray              # the leader whose following commands most of the Committee
    mover_share: np.ndarray        # ... and the share it commands
    nominee: np.ndarray
    camp: np.ndarray               # the nominee's patron, or the nominee himself
    camp_share: np.ndarray         # the share of the Committee that camp commands
    candidate: np.ndarray          # the nominee is a candidate member of the Politburo
    runner_up: np.ndarray          # the next man on the list
    leaders_sit: np.ndarray        # a leader sits on the Committee (with mover -1: all refused)

    def record(self, g: "Game", b: int, why: str) -> dict:
        """The nomination of game ``b`` for the log: ids, shares and ``why`` in words."""
        pid = lambda i: g.person_ids[int(i)] if i >= 0 else None        # noqa: E731
        return {"mover": pid(self.mover[b]), "mover_share": round(float(self.mover_share[b]), 3),
                "nominee": pid(self.nominee[b]), "candidate": bool(self.candidate[b]),
                "camp": pid(self.camp[b]), "camp_share": round(float(self.camp_share[b]), 3),
                "runner_up": pid(self.runner_up[b]), "why": why}


def nominate(g: "Game", s: State, refused: Optional[np.ndarray] = None,
             wanted: Optional[np.ndarray] = None) -> Nomination:
    """The man the Central Committee's majority backs for a vacant Politburo seat.

    The mover is the able leader on the Committee whose following (himself, his clients, his
    allies; power.cc_share) commands most of it, passing over those ``refused`` ([B,P]) already
    at this plenum. The nominee is the eligible man - on the Committee, able to act, not
    already a full member, not a member of an open faction while factions are banned, and not
    a man the mover is at odds with (his regard for him below nothing) - with the highest
    standing/100, plus ``plenum_candidate_weight`` for a candidate member of the Politburo (the
    bench the Committee drew on), plus ``plenum_camp_weight`` times the share of the Committee
    his camp commands (his patron's following if his patron can act, else his own): the most
    prestigious man, weighted by the votes behind him. The mover may put himself up.

    Where no leader is left to move (mover -1), the nominee is the Committee's own choice
    (``own_choice``), worked out in the games ``wanted`` ([B]; all if not given)."""
    P, bi = g.P, np.arange(s.batch)
    d = votes.derive(g, s)
    act = d.act
    share = power.cc_share(s, act, d.bits, power.followers(s, d.bits))               # [B,P]
    on_cc = s.member[:, :, BODY["central_committee"]] & act
    can_move = on_cc & g.leaders[None, :]
    if refused is not None:
        can_move &= ~refused
    lead_score = np.where(can_move, share, -1.0)
    mover = np.argmax(lead_score, axis=1)
    mover = np.where(lead_score[bi, mover] >= 0, mover, -1)
    camp, camp_share = power.camps(s, act, share)
    candidate = s.member[:, :, BODY["politburo_candidate"]]
    banned = d.faction & s.flags[:, g.fidx["faction_ban"]][:, None]
    open_to = on_cc & ~s.member[:, :, BODY["politburo"]] & ~banned
    m = np.maximum(mover, 0)
    # the mover puts up no man he is at odds with (his regard for him below nothing)
    backed = (s.relations[bi, m] >= 0) | (np.arange(P)[None, :] == m[:, None])
    eligible = open_to & backed & (mover >= 0)[:, None]
    listed = s.prestige / 100.0 + g.params["plenum_candidate_weight"] * candidate \
        + g.params["plenum_camp_weight"] * camp_share
    score = np.where(eligible, listed, -np.inf)
    order = np.argsort(-score, axis=1, kind="stable")[:, :2]
    best, second = order[:, 0], order[:, 1] if P > 1 else np.full(s.batch, -1)
    nominee = np.where(eligible[bi, best], best, -1)
    runner = np.where((second >= 0) & eligible[bi, np.maximum(second, 0)], second, -1)
    own = np.flatnonzero((mover < 0) & (wanted if wanted is not None else True))
    if len(own):
        sub = s.rows(own)
        nominee[own], runner[own] = own_choice(g, sub, open_to[own] & in_the_leadership(g, sub),
                                               listed[own])
    n = np.maximum(nominee, 0)
    return Nomination(mover, np.where(mover >= 0, share[bi, np.maximum(mover, 0)], 0.0), nominee,
                      np.where(nominee >= 0, camp[bi, n], -1), camp_share[bi, n],
                      candidate[bi, n] & (nominee >= 0), runner,
                      (on_cc & g.leaders[None, :]).any(axis=1))


# the party bodies a man on the Committee's own list already sits on: the Politburo's bench and
# the Committee's own organs (Molotov, Kuibyshev and Rudzutak went from them to the Politburo)
BENCH = (BODY["politburo_candidate"], BODY["secretariat"], BODY["orgburo"])


def in_the_leadership(g: "Game", s) -> np.ndarray:
    """[B,P] holds a place in the party's leadership of his own, as the Central Committee
    weighs a man it elects of its own accord: a seat on the Politburo's bench or on the
    Committee's Secretariat or Orgburo, or a leading post - one the Committee or a Congress
    disposes of. A post the Politburo itself disposes of (the secret police's) serves the
    Politburo and gives no claim to sit on it: no chief of the OGPU sat on it in the 1920s."""
    out = s.member[:, :, BENCH].any(axis=2)
    for k, body in enumerate(g.post_removed_by):
        if body != "politburo":
            h = s.holder[:, k]
            out[np.flatnonzero(h >= 0), h[h >= 0]] = True
    return out


def own_choice(g: "Game", s, open_to: np.ndarray,
               score: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """([B] the man, [B] the next) the Central Committee elects of its own accord: of the men
    ``open_to`` a seat ([B,P]) whose election it would carry - each weighed as if he stood
    alone, on his standing, the fear he inspires and each voter's ties to him (the vote of
    ``votes.compute``) - the one with the highest ``score`` ([B,P], the plenum's list); if it
    would carry none, the one it comes nearest to electing; -1 where no man is open to it."""
    B, P = open_to.shape
    game, man = np.nonzero(open_to)
    rank = np.full((B, P), -np.inf)
    if len(game):
        m = votes.Motion.of("promote", "central_committee", man, np.full(len(man), -1),
                            np.zeros((len(man), 3), np.float32), np.zeros(len(man), np.float32),
                            np.ones(len(man), bool), None, None, man)
        res = votes.compute(g, s.rows(game), m)
        margin = res.votes_for / np.maximum(res.votes_for + res.votes_against, 1)    # 0..1
        rank[game, man] = np.where(res.passed, 2.0 + score[game, man], margin)
    order = np.argsort(-rank, axis=1, kind="stable")[:, :2]
    picks = np.where(np.isfinite(np.take_along_axis(rank, order, axis=1)), order, -1)
    return picks[:, 0], (picks[:, 1] if P > 1 else np.full(B, -1))


def _places(g: "Game", s: State, b: int, who: int) -> list[str]:
    """The posts and the Committee's organs that give ``who`` his place in the leadership
    (``in_the_leadership``), in words."""
    posts = [g.scenario.posts[k].name for k, body in enumerate(g.post_removed_by)
             if body != "politburo" and s.holder[b, k] == who]
    organs = [f"a member of the {organ}" for organ, i in (("Secretariat", BODY["secretariat"]),
                                                          ("Orgburo", BODY["orgburo"]))
              if s.member[b, who, i]]
    return posts + organs


def nomination_text(g: "Game", s: State, nom: Nomination, b: int) -> str:
    """Why the plenum voted on this man, in a sentence a student can read."""
    name = lambda i: g.names[g.person_ids[int(i)]]                          # noqa: E731
    mover, who, camp = int(nom.mover[b]), int(nom.nominee[b]), int(nom.camp[b])
    why = ["a candidate member of the Politburo"] if nom.candidate[b] else []
    if mover < 0:
        why += _places(g, s, b, who)                # the place that put him on its list
    why.append(f"standing {s.prestige[b, who]:.0f}")
    if camp == mover != who:
        why.append(f"one of {name(mover)}'s men")
    elif camp != who:
        why.append(f"{name(camp)}'s man, whose following holds {nom.camp_share[b]:.0%} of it")
    elif camp != mover:
        his = votes.words(g, who)["his"]
        why.append(f"{his} own following holds {nom.camp_share[b]:.0%} of it")
    runner = int(nom.runner_up[b])
    ahead = f", ahead of {name(runner)}." if runner >= 0 else "."
    if mover < 0:
        no_one = "it has refused the man of every leader on it" if nom.leaders_sit[b] else \
            "no leader sits on it"
        return (f"The plenum after the Congress fills a vacant seat: {no_one}, so the new "
                f"Central Committee votes on its own choice, the first man on its list it would "
                f"elect on his own merits, of those with a place in the leadership: "
                f"{name(who)} ({'; '.join(why)})" + ahead)
    return (f"The plenum after the Congress fills a vacant seat: {name(mover)}, whose following "
            f"holds {nom.mover_share[b]:.0%} of the new Central Committee, puts up "
            f"{votes.words(g, who)['himself'] if mover == who else name(who)} ({'; '.join(why)})"
            + ahead)


def end_sitting(g: "Game", s: State) -> None:
    s.speech[:] = 0.0
