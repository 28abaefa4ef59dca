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

from .legality import inviolable, months_since
from .state import BODY, State

if TYPE_CHECKING:
    from .game import Game


def breached(g: "Game", s: State, faction: np.ndarray) -> np.ndarray:
    """[B,P] he breaks the ban on factions after his defeat: condemned ``defiance_grace``
    months ago or more, he still stands in an open faction ([B,P] ``faction``, votes.derive)
    while factions are banned. Inside the Politburo that is what the majority waited for
    before it put a leader out of it (the Lashevich affair, June 1926, and the opposition's
    appeal to the cells, October 1926: general history; game.ai.value_motions); out of it,
    it is defiance (``record``)."""
    ban = s.flags[:, g.fidx["faction_ban"]][:, None]
    return faction & ban & beaten(g, s)


def beaten(g: "Game", s: State, grace: str = "defiance_grace") -> np.ndarray:
    """[B,P] the majority's verdict on his views has stood the param ``grace``'s months: time
    enough to submit. Before it the party fought a man in words; after it, if he persists
    (not ``submitted``), it took his posts (``post_grace``, game.ai.value_motions.remove), and
    if he breaks the ban on factions (``breached``), his seat and at last his party card."""
    since = months_since(g, s, s.condemned_turn)
    return (s.condemned_turn >= 0) & (since >= g.params[grace])


def judged(g: "Game", s: State, faction: np.ndarray) -> np.ndarray:
    """[B,P] the party has a standing verdict on him, so a motion may take his post or seat
    (game.engine.votes._verdict): his views were condemned ``post_grace`` months ago or more -
    time enough to submit - he stands in an open faction ([B,P] ``faction``, votes.derive)
    under the ban, or he defies the party."""
    ban = s.flags[:, g.fidx["faction_ban"]][:, None]
    return beaten(g, s, "post_grace") | (faction & ban) | defiant(g, s)


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
    published = s.flags[:, g.fidx["testament_published"]]
    if by is None:
        return published[:, None] & secretary[None, :]
    by = np.asarray(by)
    bi = np.arange(s.batch).reshape((-1,) + (1,) * (by.ndim - 1))
    wrote = inviolable(g, s)[bi, np.maximum(by, 0)] & (by >= 0) & \
        s.flags[:, g.fidx["postscript_written"]].reshape(bi.shape)
    return (published.reshape(bi.shape) | wrote)[..., None] & secretary


def record(g: "Game", s: State, faction: np.ndarray) -> None:
    """This month's defiance: the beaten men out of the Politburo who breach the ban on
    factions (``breached``)."""
    out = ~s.member[:, :, BODY["politburo"]]
    s.defied_turn[breached(g, s, faction) & out & ~s.expelled] = s.turn


def defiant(g: "Game", s: State) -> np.ndarray:
    """[B,P] he has defied the party within the last ``defiance_memory`` months and not
    recanted since."""
    since = months_since(g, s, s.defied_turn)
    return (s.defied_turn >= 0) & (since <= g.params["defiance_memory"]) & \
        (s.defied_turn > s.recanted_turn)


def submitted(s: State) -> np.ndarray:
    """[B,P] he has recanted, and not defied the party since."""
    return (s.recanted_turn >= 0) & (s.recanted_turn >= s.defied_turn)


def standing_with_party(g: "Game", s: State) -> np.ndarray:
    """[B,P] +1 for a man who defies the party, -1 for one who has submitted, 0 otherwise: the
    sign of the party's pull on a motion to expel him."""
    return defiant(g, s).astype(np.float32) - submitted(s).astype(np.float32)
