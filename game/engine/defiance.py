"""Defiance and submission: how a beaten opposition stands with the party that beat it.

The party majority of 1927 cast out the Left, which went on fighting after its defeat, and kept
the Right, which recanted (001: "Oct: Stalin persuades the Central Committee to expel Trotsky
and Zinoviev from the Central Committee / Nov: Trotsky and Zinoviev expelled from the Communist
Party"; 002: "Trotsky continues to dig his grave by launching attacks on the party
bureaucracy"; the Right's statement of submission, November 1929, is general history). What
counts is what a man does once the majority has given its verdict, not the danger he still is:

- a man *defies* the party when, under the ban on factions and out of the Politburo, he stays
  in an open faction ``defiance_grace`` months after the majority condemned his views - time
  enough to submit (``record``, each month) - or by a named act of a scenario's
  (``defy(person)``: the demonstrations of 7 November 1927). A man who argues inside the
  Politburo, or has just been condemned, has not defied it yet;
- he *submits* when he recants (``recant(person)``: he leaves his blocs and says so).

The same conduct inside the Politburo is a *breach* of the ban (``breached``): what the computer
rivals wait for before they take a beaten man's seat (game.ai.value_motions).

The votes to expel read both (game.engine.votes, the ``defiance`` term), and so do the rivals'
appetite for those votes (game.ai.value_motions).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .jit import kernel
from .legality import inviolable
from .state import BODY, State

if TYPE_CHECKING:
    from .game import Game

_c = np.ascontiguousarray     # a kernel's arrays in one layout, so that it compiles once
_NOBODY = np.zeros((1, 1), dtype=bool)     # ``inviolable`` where no one has written it


def breached(g: "Game", s: State, faction: np.ndarray) -> np.ndarray:
    """[B,P] he breaks the ban on factions after his defeat: condemned ``defiance_grace``
    months ago or more, he still stands in an open faction ([B,P] ``faction``, votes.derive)
    while factions are banned. Inside the Politburo that is what the majority waited for
    before it put a leader out of it (the Lashevich affair, June 1926, and the opposition's
    appeal to the cells, October 1926: general history; game.ai.value_motions); out of it,
    it is defiance (``record``)."""
    return _breached(_c(s.condemned_turn), _c(faction), _c(s.flags), g.fidx["faction_ban"],
                     s.turn, g.turn_months, float(g.params["defiance_grace"]))


def beaten(g: "Game", s: State, grace: str = "defiance_grace") -> np.ndarray:
    """[B,P] the majority's verdict on his views has stood the param ``grace``'s months: time
    enough to submit. Before it the party fought a man in words; after it, if he persists
    (not ``submitted``), it took his posts (``post_grace``, game.ai.value_motions.remove), and
    if he breaks the ban on factions (``breached``), his seat and at last his party card."""
    return _beaten(_c(s.condemned_turn), s.turn, g.turn_months, float(g.params[grace]))


def judged(g: "Game", s: State, faction: np.ndarray) -> np.ndarray:
    """[B,P] the party has a standing verdict on him, so a motion may take his post or seat
    (game.engine.votes._verdict): his views were condemned ``post_grace`` months ago or more -
    time enough to submit - he stands in an open faction ([B,P] ``faction``, votes.derive)
    under the ban, or he defies the party."""
    return _judged(_c(s.condemned_turn), _c(s.defied_turn), _c(s.recanted_turn), _c(faction),
                   _c(s.flags), g.fidx["faction_ban"], s.turn, g.turn_months,
                   float(g.params["post_grace"]), float(g.params["defiance_memory"]))


def testament_verdict(g: "Game", s: State, by: "np.ndarray | None" = None) -> np.ndarray:
    """[B,K] the post is the General Secretary's (its powers appoint) and Lenin's Testament,
    which asks the comrades to remove its holder, has been published: a verdict on him in that
    post (001: "I propose to the comrades to find a way of removing Stalin from that
    position"). With ``by`` ([B] or [B,N] the men who would move it): [B,K] or [B,N,K], also
    where the mover is the inviolable founder who wrote that Postscript (``postscript_written``):
    his word is the verdict. Before he wrote it his word was not one: before, a computer Lenin
    moved to remove the General Secretary two months after he had made him."""
    secretary = np.zeros(g.K, dtype=bool)
    secretary[g.power_posts["appoint"]] = True
    flags = _c(s.flags)
    published = g.fidx["testament_published"]
    if by is None:
        return flags[:, published, None] & secretary[None, :]
    by = np.asarray(by)
    wrote = g.fidx["postscript_written"]
    # who is above motions is read only where the Postscript has been written
    above = inviolable(g, s) if flags[:, wrote].any() else _NOBODY
    out = _testament_verdict(flags, published, wrote, above, _c(by.reshape(s.batch, -1), dtype=np.int64),
                   secretary)
    return out.reshape(by.shape + (g.K,))


def record(g: "Game", s: State, faction: np.ndarray) -> None:
    """This month's defiance: the beaten men out of the Politburo who breach the ban on
    factions (``breached``)."""
    out = ~s.member[:, :, BODY["politburo"]]
    s.defied_turn[breached(g, s, faction) & out & ~s.expelled] = s.turn


def defiant(g: "Game", s: State) -> np.ndarray:
    """[B,P] he has defied the party within the last ``defiance_memory`` months and not
    recanted since."""
    return _defiant(_c(s.defied_turn), _c(s.recanted_turn), s.turn, g.turn_months,
                    float(g.params["defiance_memory"]))


def submitted(s: State) -> np.ndarray:
    """[B,P] he has recanted, and not defied the party since."""
    return _submitted(_c(s.defied_turn), _c(s.recanted_turn))


def standing_with_party(g: "Game", s: State) -> np.ndarray:
    """[B,P] +1 for a man who defies the party, -1 for one who has submitted, 0 otherwise: the
    sign of the party's pull on a motion to expel him."""
    return _standing(_c(s.defied_turn), _c(s.recanted_turn), s.turn, g.turn_months,
                     float(g.params["defiance_memory"]))


# ---------------------------------------------------------------------- compiled loops
@kernel
def _stood_for(when, turn, months, term):
    """What was done in turn ``when`` was done ``term`` months ago or more
    (legality.months_since); never (-1): no."""
    return when >= 0 and (turn - np.int64(when)) * months >= term


@kernel
def _defied(defied, recanted, turn, months, memory):
    """He defied the party in turn ``defied`` (-1: never), within ``memory`` months, and
    has not recanted since (``recanted``)."""
    return defied >= 0 and (turn - np.int64(defied)) * months <= memory and defied > recanted


@kernel
def _recanted(defied, recanted):
    """He recanted in turn ``recanted`` (-1: never) and has not defied the party since."""
    return recanted >= 0 and recanted >= defied


@kernel
def _beaten(condemned, turn, months, grace):
    B, P = condemned.shape
    out = np.empty((B, P), dtype=np.bool_)
    for b in range(B):
        for p in range(P):
            out[b, p] = _stood_for(condemned[b, p], turn, months, grace)
    return out


@kernel
def _breached(condemned, faction, flags, ban, turn, months, grace):
    B, P = condemned.shape
    out = np.empty((B, P), dtype=np.bool_)
    for b in range(B):
        for p in range(P):
            out[b, p] = faction[b, p] and flags[b, ban] and \
                _stood_for(condemned[b, p], turn, months, grace)
    return out


@kernel
def _judged(condemned, defied, recanted, faction, flags, ban, turn, months, grace, memory):
    B, P = condemned.shape
    out = np.empty((B, P), dtype=np.bool_)
    for b in range(B):
        for p in range(P):
            out[b, p] = _stood_for(condemned[b, p], turn, months, grace) or \
                (faction[b, p] and flags[b, ban]) or \
                _defied(defied[b, p], recanted[b, p], turn, months, memory)
    return out


@kernel
def _defiant(defied, recanted, turn, months, memory):
    B, P = defied.shape
    out = np.empty((B, P), dtype=np.bool_)
    for b in range(B):
        for p in range(P):
            out[b, p] = _defied(defied[b, p], recanted[b, p], turn, months, memory)
    return out


@kernel
def _submitted(defied, recanted):
    B, P = defied.shape
    out = np.empty((B, P), dtype=np.bool_)
    for b in range(B):
        for p in range(P):
            out[b, p] = _recanted(defied[b, p], recanted[b, p])
    return out


@kernel
def _standing(defied, recanted, turn, months, memory):
    B, P = defied.shape
    out = np.empty((B, P), dtype=np.float32)
    for b in range(B):
        for p in range(P):
            if _defied(defied[b, p], recanted[b, p], turn, months, memory):
                out[b, p] = 1.0
            elif _recanted(defied[b, p], recanted[b, p]):
                out[b, p] = -1.0
            else:
                out[b, p] = 0.0
    return out


@kernel
def _testament_verdict(flags, published, wrote, above, by, secretary):
    """``testament_verdict`` [B,n,K] for movers ``by`` [B,n] (-1: none); ``above`` [B,P]
    (inviolable) is read only in the games whose flag ``wrote`` is set."""
    B, n = by.shape
    K = secretary.shape[0]
    out = np.empty((B, n, K), dtype=np.bool_)
    for b in range(B):
        for j in range(n):
            m = by[b, j]
            v = flags[b, published] or (flags[b, wrote] and m >= 0 and above[b, m])
            for k in range(K):
                out[b, j, k] = v and secretary[k]
    return out
