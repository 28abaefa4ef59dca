"""Why a whole kind of action is closed to a man this month, in words a player can act on.

The engine refuses one action at a time (actions.refusal). A menu greys a whole kind, and
the first candidate's refusal read as the kind's was often beside the point: 'Propose for
the Politburo' greyed with "Vladimir Lenin is already a full member of the Politburo" when
the Politburo had no vacant seat for anyone. Here every candidate is checked, and the answer
is the reason that holds for all of them (not enough action points, no sitting this month),
or the one that stops those who pass every check about themselves (no vacant seat), or else
a headline for the kind and how many candidates each of the nearest reasons stops.
"""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Optional

import numpy as np

from . import actions as A
from .legality import CHECKS
from .state import State

if TYPE_CHECKING:
    from .game import Game

# Reasons about the object of the action (this region, this bloc, this man, this motion),
# not about the actor or the month: they can differ between candidates of one kind.
ABOUT_OBJECT = frozenset({
    A.REGION_HELD, A.ALREADY_LOYAL, A.NOT_HIS_MAN, A.SAME_REGION, A.MOTION_WHEN,
    A.POLICY_IN_FORCE, A.BAD_TARGET, A.NOT_HOLDER, A.BAD_SUCCESSOR, A.NOT_IN_POLITBURO,
    A.STILL_POLITBURO, A.STILL_CC, A.ALREADY_FULL, A.NEEDS_CC, A.BLOC_CLOSED, A.BLOC_EXISTS,
    A.BLOC_EMPTY, A.IN_BLOC, A.NOT_IN_BLOC, A.UNWELCOME, A.NOT_CC_MEMBER, A.NOT_IN_CC,
    A.NOT_PARTY, A.POLICY_RECENT, A.BLOC_WHEN, A.CONDEMNED, A.INVIOLABLE, A.SECRETARY_NEW,
    A.SECRETARIAT_DECIDES, A.OWN_MAN})

# Combinations no player would think of as an option (a post its holder does not hold, a
# secretary sent where he is): counted only when nothing else stops the kind.
NOT_AN_OPTION = frozenset({A.NOT_HOLDER, A.SAME_REGION, A.BAD_SUCCESSOR, A.BAD_TARGET})

HEADLINE = {
    "appoint_secretary": "No regional secretary can be appointed now",
    "transfer_secretary": "No secretary can be transferred now",
    "dismiss_secretary": "No secretary can be dismissed now",
    "propose": "No motion can be tabled this month",
    "condemn": "No one's views can be condemned now",
    "remove_from_post": "No one can be removed from a post now",
    "expel": "No one can be expelled now",
    "promote": "No one can be proposed for the Politburo now",
    "demote": "No one can be demoted now",
    "form_bloc": "No alliance can be formed now",
    "join_bloc": "No alliance can be joined now",
    "leave_bloc": "No alliance can be left now",
    "polemic": "No one can be attacked in print now",
    "recruit": "No recruitment drive can be launched now",
    "gather_information": "No one can be watched now",
    "testament": "Nothing can be done with Lenin's Testament now",
    "set_comintern": "No Comintern line can be set now",
}

# what the candidates of each kind are, counted
NOUN = {"region": "regions", "bloc": "alliances", "person": "people", "motion": "motions",
        "post": "posts", "level": "levels", "testament": "choices", "option": "lines"}

# how many candidates one reason stops, as the end of "<n> <noun> ..."
PLURAL = {
    A.REGION_HELD: "are led by a man who must first lose his post",
    A.ALREADY_LOYAL: "have {actor}'s loyal man as secretary already",
    A.NOT_HIS_MAN: "have a secretary who is not {actor}'s man",
    A.SAME_REGION: "would send a secretary where he already is",
    A.MOTION_WHEN: "wait for their time",
    A.POLICY_IN_FORCE: "are in force already",
    A.POLICY_RECENT: "were changed too lately to change again",
    A.BAD_TARGET: "are dead, expelled or {actor} himself",
    A.NOT_HOLDER: "are not held by the man named",
    A.BAD_SUCCESSOR: "have no one fit to take them",
    A.NOT_IN_POLITBURO: "do not sit on the Politburo",
    A.STILL_POLITBURO: "still sit on the Politburo",
    A.STILL_CC: "still sit on the Central Committee",
    A.ALREADY_FULL: "are full members of the Politburo already",
    A.NEEDS_CC: "do not sit on the Central Committee",
    A.BLOC_CLOSED: "are not open to {actor}",
    A.BLOC_EXISTS: "exist already (join them instead)",
    A.BLOC_EMPTY: "have no members yet (form them instead)",
    A.IN_BLOC: "have {actor} among their members already",
    A.NOT_IN_BLOC: "do not have {actor} among their members",
    A.UNWELCOME: "will not have {actor}",
    A.NOT_CC_MEMBER: "are not members of the Central Committee",
    A.NOT_IN_CC: "do not sit on the Central Committee",
    A.NOT_PARTY: "are no longer in the party",
    A.BLOC_WHEN: "cannot be formed yet",
    A.CONDEMNED: "had their views condemned too lately",
    A.INVIOLABLE: "are above any motion now",
    A.SECRETARY_NEW: "have a secretary placed too lately to move",
    A.SECRETARIAT_DECIDES: "have the General Secretary's choice as secretary",
    A.OWN_MAN: "have {actor}'s own man, placed too lately to replace",
}

# a reason that stops every candidate, said once for the kind
ALL = {A.NOT_IN_BLOC: "{actor} belongs to no alliance.",
       A.BLOC_CLOSED: "No alliance in this scenario is open to {actor}.",
       A.BLOC_WHEN: "No alliance open to {actor} can be formed yet."}

GROUPS_SHOWN = 2


def kind_refusal(g: "Game", one: State, kind: str, actor: int) -> Optional[str]:
    """Why ``actor`` can take no action of ``kind`` in ``one`` (a batch of one game), or None
    if some action of that kind is open to him."""
    cands = A.candidates(g, kind, actor)
    if not cands:
        return A.why_illegal(g, one, 0, A.Action(kind, actor))
    codes = A.check_candidates(g, one, kind, cands)[0]
    if (codes == A.OK).any():
        return None
    depth = _depth(g, one, kind, cands)
    general = [i for i, c in enumerate(codes) if c not in ABOUT_OBJECT]
    if general:
        # about him or the month: the same for all, or what stops those nearest to acting
        i = max(general, key=lambda j: depth.get(int(codes[j]), -1))
        return A.reason_sentence(g, one, cands[i], int(codes[i]))
    names = {"actor": A._name(g, actor)}
    count = Counter(int(c) for c in codes)
    if len(count) == 1 and next(iter(count)) in ALL:
        return ALL[next(iter(count))].format(**names)
    if len(cands) == 1:
        return A.reason_sentence(g, one, cands[0], int(codes[0]))
    shown = [c for c in count if c not in NOT_AN_OPTION] or list(count)
    shown.sort(key=lambda c: (-depth.get(c, -1), -count[c]))      # nearest to acting first
    parts = [_part(g, one, kind, cands, codes, c, count[c], names) for c in shown[:GROUPS_SHOWN]]
    more = "" if len(shown) <= GROUPS_SHOWN else " Others are closed for other reasons."
    return f"{HEADLINE.get(kind, 'Not possible now')}. " + " ".join(parts) + more


def _part(g, one, kind, cands, codes, code, n, names) -> str:
    if n == 1:
        i = int(np.flatnonzero(codes == code)[0])
        return A.reason_sentence(g, one, cands[i], code)
    spec = A.KINDS[kind]
    noun = NOUN.get(spec[0] or spec[1], "choices")
    return f"{n} {noun} {PLURAL.get(code, 'are closed for another reason').format(**names)}."


def _depth(g: "Game", one: State, kind: str, cands: list) -> dict:
    """{reason: its place in the kind's checks}: a later check stops a candidate that passed
    the earlier ones, nearer to acting."""
    order = [A.DEAD, A.EXPELLED, A.ILL, A.NOT_LEADER, A.NO_AP]
    rep = one.take(np.zeros(1, dtype=np.int64))
    row = np.array(cands[0].row(), dtype=np.int64)
    CHECKS[kind](g, rep, *[np.array([v]) for v in row[1:]],
                 lambda cond, reason: order.append(int(reason)))
    return {code: i for i, code in enumerate(order)}
