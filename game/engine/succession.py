"""Who takes a post that falls free: a removal's successor, and the posts left vacant when
their holder dies, is expelled or is removed by an event.

One rule serves both: a post goes to one of the patron's men — his best-placed client, else
his best-placed ally or an ally's client, a man without a post before one who has one. The
men who took Trotsky's, Zinoviev's and Kamenev's posts were the victors' followers (Frunze and
Voroshilov, Kirov, Uglanov, Bukharin), not the General Secretary; Rykov followed Lenin at the
Council of People's Commissars within days. So where the mover has no client to put there, an
ally of his who holds a post already yields to that ally's man: Kirov took Leningrad from
Zinoviev in January 1926 on the majority's vote, not Stalin (before, a motion of Tomsky's or
Rykov's made the General Secretary chairman of the Comintern or leader of the Leningrad party
in one campaign in five). A patron with no one to put there does not take the post himself: the
Central Committee fills it (``committee_choice``), as it gave Stalin the General Secretaryship
in April 1922 "to support an expanded Central Committee" (000) and as Lenin asked "the
comrades" to remove Stalin "and appoint another man" (001), not himself; and a Committee that
has just removed a man gives his post to none of his clients or allies. No one whose health
is failing takes a post (``post_health``): Lenin, ill from the spring of 1922, took none.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import numpy as np

from . import mutate, power
from .state import BODY, State

if TYPE_CHECKING:
    from .game import Game
    from .log import Log


def fit_for_post(g: "Game", s: State) -> np.ndarray:
    """[B,P] can take a post: able to act, and in health (not below ``post_health``)."""
    return g.active(s) & (s.health >= g.params["post_health"])


def successor(g: "Game", s: State, patron: np.ndarray, target: np.ndarray,
              named: np.ndarray) -> np.ndarray:
    """[B] who takes a post: ``named`` where given (>= 0), else ``patron``'s man, else the
    Central Committee's choice (see the module docstring); never ``target`` (the man losing
    it), never ``patron`` unless named, never a man unfit for a post."""
    P = g.P
    people = np.arange(P)[None, :]
    me = people == patron[:, None]                                              # [B,P]
    open_to = fit_for_post(g, s) & ~me & (people != target[:, None])
    client = s.patron == patron[:, None]
    ally = power.allied_with(s, patron)
    allys_man = _clients_of(s, ally)
    follower = (client | ally | allys_man) & open_to
    # his clients first, then his allies, then their men; a post held costs more than the
    # step from an ally to an ally's man, so a leader of the camp with a post yields to his man
    score = 20.0 * client + 10.0 * ally + 9.0 * allys_man + s.prestige / 100.0 \
        - 3.0 * power.holds_any_post(s)
    best = np.argmax(np.where(follower, score, -np.inf), axis=1)
    who = np.where(named >= 0, named, np.where(follower.any(axis=1), best, -1))
    rest = np.flatnonzero(who < 0)
    if len(rest):                                  # a few games of a batch, if any
        # the Committee that has just removed a man does not give his post to his own men
        his_men = (s.patron == target[:, None]) | \
            (power.allied_with(s, np.maximum(target, 0)) & (target >= 0)[:, None])
        who[rest] = committee_choice(g, s.rows(rest), (open_to & ~his_men)[rest])
    return who


def _clients_of(s: State, men: np.ndarray) -> np.ndarray:
    """[B,P] whose patron is one of ``men`` ([B,P] bool)."""
    theirs = np.take_along_axis(men, np.maximum(s.patron, 0), axis=1)
    return theirs & (s.patron >= 0)


def deputies(g: "Game", s: State, post: np.ndarray, target: np.ndarray,
             fit: Optional[np.ndarray] = None) -> np.ndarray:
    """[B] the deputy of each game's ``post`` who steps in when it falls free (-1: none): the
    scenario names him, he is fit for a post, and he is not the man losing it (``target``, -1:
    nobody) nor one of that man's clients or allies. Frunze, Trotsky's deputy, took the War
    Commissariat on Trotsky's removal in January 1925, as Rykov, Lenin's deputy, took
    Sovnarkom at his death. ``fit``: ``fit_for_post``, when the caller has it."""
    dep = np.asarray(g.post_deputy)[post]
    rows = np.arange(s.batch)
    d = np.maximum(dep, 0)
    fit = fit_for_post(g, s) if fit is None else fit
    ok = (dep >= 0) & fit[rows, d] & (dep != target)
    if (target >= 0).any():
        his_man = (target >= 0) & ((s.patron[rows, d] == target)
                                   | power.allied_with(s, np.maximum(target, 0))[rows, d])
        ok &= ~his_man
    return np.where(ok, dep, -1)


def committee_choice(g: "Game", s: State, open_to: np.ndarray) -> np.ndarray:
    """[B] the man the Central Committee puts in a post no patron's follower can take: among
    the men ``open_to`` it ([B,P]), a member of the Committee before a man off it, a man
    without a post before one who has one, then the highest standing/100 plus
    ``plenum_camp_weight`` times the share of the Committee his camp commands (as the plenum
    weighs a man for a Politburo seat: the most prestigious man, weighted by the votes behind
    him); -1 if no one is open to it."""
    act = g.active(s)
    _, camp_share = power.camps(s, act, power.cc_share(s, act))
    on_cc = s.member[:, :, BODY["central_committee"]]
    score = 4.0 * on_cc - 2.0 * power.holds_any_post(s) + s.prestige / 100.0 \
        + g.params["plenum_camp_weight"] * camp_share
    best = np.argmax(np.where(open_to, score, -np.inf), axis=1)
    return np.where(open_to.any(axis=1), best, -1)


def fill_vacancies(g: "Game", s: State, held_before: np.ndarray,
                   log: Optional["Log"]) -> None:
    """Posts held when the turn began and vacant at its end (a death, an expulsion, an event)
    are filled by the Central Committee: the post's deputy steps in if the scenario names one
    and he is fit for it (Rykov, Lenin's deputy at Sovnarkom), else the party's leading figure
    puts in his man, or the Committee its own choice if he has no one (``successor``). A post
    the scenario leaves vacant from the start stays so until something fills it."""
    free = (held_before >= 0) & (s.holder < 0) & ~s.over[:, None]             # [B,K]
    if not free.any():
        return
    # worked out in the games where a post fell free, a few of a large batch's (each game's
    # leading figure and successor are its own)
    games = np.flatnonzero(free.any(axis=1))
    act = g.active(s)
    leader = np.full(s.batch, -1)
    leader[games] = power.leading(s.rows(games), act[games], g.params, g.structural, g.leaders)
    fit = fit_for_post(g, s)          # filling a post changes no one's health or standing
    for k in np.flatnonzero(free.any(axis=0)):
        here = free[:, k]
        deputy = deputies(g, s, np.full(s.batch, k), np.full(s.batch, -1), fit)
        b = np.flatnonzero(here)
        who = np.full(s.batch, -1)
        # read afresh for each post: the posts filled before it count against a man
        who[b] = successor(g, s.rows(b), leader[b], np.full(len(b), -1), deputy[b])
        mutate.appoint(g, s, here, who, k)
        if log is not None:
            _log_filled(g, s, log, k, np.flatnonzero(here & (who >= 0)), held_before, who,
                        leader, deputy)


def _log_filled(g: "Game", s: State, log: "Log", k: int, games: np.ndarray,
                held_before: np.ndarray, who: np.ndarray, leader: np.ndarray,
                deputy: np.ndarray) -> None:
    """Who the Central Committee named to post ``k`` in ``games``, and on whose word."""
    post = g.scenario.posts[k].name
    for b in games:
        old, new = g.person_ids[int(held_before[b, k])], g.person_ids[int(who[b])]
        chooser = g.person_ids[int(leader[b])]
        follows = s.patron[b, who[b]] == leader[b] or \
            bool(power.allied_with(s.rows([b]), leader[[b]])[0, who[b]])
        how = "his deputy" if deputy[b] >= 0 else f"{g.names[chooser]}'s choice" if follows \
            else f"its own choice: {g.names[chooser]} has no man to put there"
        log.add(int(b), s, "appointment", [new, old, chooser],
                f"The Central Committee names {g.names[new]} {post} in place of "
                f"{g.names[old]} ({how}).", post=g.scenario.posts[k].id)
