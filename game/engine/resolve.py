"""Actions that take effect at once (appointments, alliances, polemics, …); motions are only
tabled here and decided in the vote phase (see motions.py)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import numpy as np

from . import motions, mutate, power
from .actions import (KIND_IDS, MOTION_KINDS, NO_SEAT, UNKNOWN, Action, check_and_cost, label,
                      reason_sentence, unable)
from .arith import clip, dist3
from .legality import bloc_hidden, politburo_vacancies
from .state import IND, State
from .votes import KIND_CODE

if TYPE_CHECKING:
    from .game import Game
    from .log import Log
    from .votes import Motion


def as_array(g: "Game", s: State, moves) -> np.ndarray:
    """Moves as an int array [B, S, 5]; accepts per-game lists of Actions or an array."""
    if moves is None:
        return np.full((s.batch, 0, 5), -1, dtype=np.int64)
    if isinstance(moves, np.ndarray):
        return moves.astype(np.int64)
    S = max((len(m) for m in moves), default=0)
    out = np.full((s.batch, S, 5), -1, dtype=np.int64)
    for b, ms in enumerate(moves):
        for j, a in enumerate(ms):
            out[b, j] = a.row()
    return out


def resolve_actions(g: "Game", s: State, moves, log: Optional["Log"]) -> list["Motion"]:
    """Apply each slot's actions in order; return the motions tabled, in order."""
    arr = as_array(g, s, moves)
    tabled: list = []
    cannot = unable(g, s)                      # [B,P]: no action changes it
    for j, kind in _slot_kinds(s, arr[:, :, 0]):
        col = arr[:, j]
        mask = (col[:, 0] == kind) & ~s.over
        tabled.extend(_resolve_kind(g, s, kind, col, mask, cannot, log, tabled))
    return tabled


def _promotions(g: "Game", tabled: list, target: np.ndarray) -> np.ndarray:
    """[B] the other men whose promotion to the Politburo is already moved this month in each
    game: each takes a seat if it passes, so ``target``'s needs another vacant one (his own,
    moved twice, is voted once)."""
    moved = np.zeros((len(target), g.P), dtype=bool)
    bi = np.arange(len(target))
    for m in tabled:
        here = m.mask & (m.kind == KIND_CODE["promote"]) & (m.arg2 >= 0)
        moved[bi[here], m.arg2[here]] = True
    return moved.sum(axis=1) - moved[bi, clip(target, 0, g.P - 1)]


def _slot_kinds(s: State, kinds: np.ndarray) -> list[tuple[int, int]]:
    """(slot, kind) of every kind of action some running game takes in that slot, by slot and
    then by kind: found for all the slots at once (a lone game has a slot or two a month)."""
    ok = (kinds >= 0) & (kinds < len(KIND_IDS)) & ~s.over[:, None]                 # [B,S]
    present = np.zeros((kinds.shape[1], len(KIND_IDS)), dtype=bool)
    present[ok.nonzero()[1], kinds[ok]] = True
    return list(zip(*(a.tolist() for a in present.nonzero())))


def _resolve_kind(g, s, kind, col, mask, cannot, log, tabled) -> list:
    actor, target, arg, arg2 = (col[:, i] for i in range(1, 5))
    actor_c = clip(actor, 0, g.P - 1)
    code, cost = _check_rows(g, s, kind, mask, actor_c, target, arg, arg2, cannot)
    # the checks read the clamped actor; a row naming no one (from a damaged save, say) is
    # refused, not played by whoever holds the clamped index
    code = np.where(actor == actor_c, code, UNKNOWN).astype(code.dtype)
    if KIND_IDS[kind] == "promote" and tabled:
        full = mask & (code == 0) & (politburo_vacancies(g, s, _promotions(g, tabled, target))
                                     <= 0)
        code = np.where(full, NO_SEAT, code).astype(code.dtype)
    ok = mask & (code == 0)
    if log is not None:
        _log_refusals(g, s, kind, col, mask & (code != 0), code, log)
    s.ap[np.flatnonzero(ok), actor_c[ok]] -= cost[ok]
    name = KIND_IDS[kind]
    if name in MOTION_KINDS:
        return motions.from_actions(g, s, kind, actor_c, target, arg, arg2, ok)
    if ok.any():
        APPLY[name](g, s, ok, actor_c, target, arg, arg2)
        if log is not None:
            for b in np.flatnonzero(ok):
                a = Action(name, int(actor[b]), int(target[b]), int(arg[b]), int(arg2[b]))
                log.add(int(b), s, LOG_KIND.get(name, name), _persons(g, a),
                        f"{g.names[g.person_ids[a.actor]]}: {label(g, a)}.", action=name)
    return []


def _check_rows(g, s, kind, mask, actor, target, arg, arg2,
                cannot) -> tuple[np.ndarray, np.ndarray]:
    """[B] reason codes and [B] costs of one slot's actions of one kind, worked out for the
    games that have one (the rest read 0): a large batch spreads a turn's actions over many
    slots and kinds, each held by a few of its games. ``cannot``: actions.unable's [B,P]."""
    idx = np.flatnonzero(mask)
    if len(idx) * 2 > len(mask):
        return check_and_cost(g, s, kind, actor, target, arg, arg2,
                              cannot[np.arange(len(mask)), actor])
    code = np.zeros(len(mask), dtype=np.int16)
    cost = np.zeros(len(mask), dtype=np.float32)
    code[idx], cost[idx] = check_and_cost(g, s.rows(idx), kind, actor[idx], target[idx],
                                          arg[idx], arg2[idx], cannot[idx, actor[idx]])
    return code, cost


def _persons(g: "Game", a: Action) -> list[str]:
    from .actions import KINDS
    out = [g.person_ids[a.actor]]
    if KINDS[a.kind][0] == "person" and a.target >= 0:
        out.append(g.person_ids[a.target])
    return out


def _log_refusals(g, s, kind, col, bad, code, log) -> None:
    for b in np.flatnonzero(bad):
        a = Action(KIND_IDS[kind], *(int(v) for v in col[b, 1:5]))
        if not 0 <= a.actor < g.P:
            continue
        why = reason_sentence(g, s.take([b]), a, code[b])
        what = label(g, a)                  # "Propose for the Politburo: Valerian Kuibyshev"
        log.add(int(b), s, "refused", [g.person_ids[a.actor]],
                f"{g.names[g.person_ids[a.actor]]} cannot {what[:1].lower()}{what[1:]}: {why}",
                action=a.kind)


# ---------------------------------------------------------------------- immediate actions
def _appoint(g, s, ok, actor, target, arg, arg2) -> None:
    b = np.flatnonzero(ok)
    old = s.sec_patron[b, target[ok]].astype(np.int64)
    had = old >= 0
    s.relations[b[had], old[had], actor[ok][had]] -= 0.1
    loyalty = g.params["appoint_loyalty"] + g.mod["appoint_loyalty"][actor]
    orgburo = ~g.holds_power(s, "appoint")[np.arange(s.batch), np.maximum(actor, 0)]
    mutate.secretary(g, s, ok, target, actor, loyalty, orgburo)


def _transfer(g, s, ok, actor, target, arg, arg2) -> None:
    b = np.flatnonzero(ok)
    moving = s.sec_loyalty[b, target[ok]].copy()
    mutate.secretary(g, s, ok, arg, actor, 0.0)
    s.sec_loyalty[b, arg[ok]] = moving
    mutate.secretary(g, s, ok, target, actor, g.params["appoint_loyalty"] * 0.8)


def _dismiss(g, s, ok, actor, target, arg, arg2) -> None:
    b = np.flatnonzero(ok)
    old = s.sec_patron[b, target[ok]].astype(np.int64)
    had = old >= 0
    s.relations[b[had], old[had], actor[ok][had]] -= 0.1
    s.sec_patron[b, target[ok]] = -1
    s.sec_loyalty[b, target[ok]] = 0.5
    s.sec_turn[b, target[ok]] = -1            # the post stands open: a new man may be sent
    s.sec_orgburo[b, target[ok]] = False


def _form(g, s, ok, actor, target, arg, arg2) -> None:
    mutate.join(g, s, ok, actor, target)


def _join(g, s, ok, actor, target, arg, arg2) -> None:
    b = np.flatnonzero(ok)
    members = s.bloc[b, target[ok]]                                  # [n,P]
    s.relations[b, actor[ok]] = clip(s.relations[b, actor[ok]] + 0.1 * members, -1, 1)
    s.relations[b, :, actor[ok]] = clip(s.relations[b, :, actor[ok]] + 0.1 * members, -1, 1)
    mutate.join(g, s, ok, actor, target)


def _leave(g, s, ok, actor, target, arg, arg2) -> None:
    mutate.leave(g, s, ok, actor, target)
    b = np.flatnonzero(ok)
    members = s.bloc[b, target[ok]]
    s.relations[b, :, actor[ok]] = clip(s.relations[b, :, actor[ok]] - 0.15 * members, -1, 1)


def _polemic(g, s, ok, actor, target, arg, arg2) -> None:
    """A polemic costs its target standing in proportion to the standing he has, more when
    the rank and file already lean the author's way, and less the more he has been attacked
    lately (the same quarrel read again persuades fewer). The party reads it by who writes it:
    against a man with a greater following it is an attack on the party's majority and keeps
    polemic_from_below of its force. The author gains a share of the harm done when his is the
    party's line - closer to the rank and file, and from the stronger side - and loses standing
    otherwise. Either way it pulls the party a little towards him."""
    b = np.flatnonzero(ok)
    a, t = actor[ok], target[ok]
    authors = s.rows(b)                                 # read in the authors' games only
    press = g.holds_power(authors, "press")[np.arange(len(b)), a]
    lean = power.party_lean(authors)
    closer = dist3(s.ideology[b, a], lean) < dist3(s.ideology[b, t], lean)
    weaker = polemic_from_below(g, authors, a, t)
    hit = g.params["polemic_prestige"] * g.mod["polemic"][a] * np.where(press, 1.5, 1.0) \
        * (s.prestige[b, t] / 50.0) * np.where(closer, 1.3, 0.6) * polemic_fatigue(g, s, b, t) \
        * np.where(weaker, g.params["polemic_from_below"], 1.0)
    s.prestige[b, t] = clip(s.prestige[b, t] - hit, 0, 100)
    s.attacked[b, t] += 1.0
    gain = polemic_author_gain(g, hit, closer & ~weaker)
    s.prestige[b, a] = clip(s.prestige[b, a] + gain, 0, 100)
    pull = 0.02 * (1.5 - g.structural) * (s.ideology[b, a] - lean)
    s.lean[b] = clip(s.lean[b] + pull[:, None, :], -1, 1)
    mutate.relation(g, s, ok, actor, target, -0.15)


def polemic_from_below(g: "Game", s, a: np.ndarray, t: np.ndarray) -> np.ndarray:
    """[n] the author of each polemic (``a``, in game i of ``s``) commands a smaller following
    than its target ``t`` (power.claim): he attacks the party's majority, not its line."""
    claim = power.claim(s, g.active(s), g.params, g.structural)
    i = np.arange(len(a))
    return claim[i, a] < claim[i, t]


def polemic_author_gain(g: "Game", hit, credited) -> np.ndarray:
    """What a polemic does to its author's standing: polemic_credit of the harm it does when
    the party reads it as its own line (``credited``), the loss of two points when not; the
    rivals weigh the same sum."""
    return np.where(credited, g.params["polemic_credit"] * hit, -2.0)


def polemic_fatigue(g: "Game", s: State, b, t) -> np.ndarray:
    """How much of its force a polemic against ``t`` keeps (1 for a man not attacked lately):
    the rivals read the same factor when they choose whom to attack."""
    return 1.0 / (1.0 + g.params["polemic_fatigue"] * s.attacked[b, t])


def _speak(g, s, ok, actor, target, arg, arg2) -> None:
    b = np.flatnonzero(ok)
    a = actor[ok]
    s.speech[b, a] += (0.5 + s.prestige[b, a] / 100.0) * g.mod["speech"][a]
    s.prestige[b, a] = clip(s.prestige[b, a] + 1.0, 0, 100)


def _recruit(g, s, ok, actor, target, arg, arg2) -> None:
    """A recruitment drive: new members who owe their place to the apparatus. A drive in
    every region adds recruit_size of the party; one aimed at a region, twice that share of it
    - in full while the party is under ``recruit_full`` thousand members, less and less above
    it, nothing past ``party_ceiling`` (``_room``)."""
    room = _room(g, s)
    everywhere = ok & (target < 0)
    if everywhere.any():
        bb = np.flatnonzero(everywhere)
        add = g.params["recruit_size"] * room * s.members.sum(axis=1)
        mutate.recruit(g, s, everywhere, -1, add)
        mine = s.sec_patron[bb] == actor[bb][:, None]
        s.sec_loyalty[bb] = clip(s.sec_loyalty[bb] + 0.03 * mine, 0, 1)
    one = ok & (target >= 0)
    if one.any():
        region = np.where(one, target, 0)
        add = g.params["recruit_size"] * 2 * room * s.members[np.arange(s.batch), region]
        mutate.recruit(g, s, one, region, add)
    b = np.flatnonzero(ok)
    s.ind[b, IND["bureaucracy"]] = clip(
        s.ind[b, IND["bureaucracy"]] + g.params["recruit_bureaucracy"], 0, 100)


def _room(g, s) -> np.ndarray:
    """[B] the share of a drive's full yield the party can still take in (1 up to
    ``recruit_full`` thousand members, 0 at ``party_ceiling``)."""
    full, ceiling = g.params["recruit_full"], g.params["party_ceiling"]
    total = s.members.sum(axis=1)
    return clip((ceiling - total) / max(ceiling - full, 1.0), 0.0, 1.0)


def _gather(g, s, ok, actor, target, arg, arg2) -> None:
    """The secret police reports: the actor learns of the target's doings, and any secret
    bloc of the target's that the actor is not in is found out (legality.bloc_hidden)."""
    b = np.flatnonzero(ok)
    a, t = actor[ok], target[ok]
    s.intel[b, a, t] = 1.0
    theirs = s.bloc[b, :, t] & ~s.bloc[b, :, a]                      # [n,L]
    s.exposed[b] |= theirs & bloc_hidden(g, s.rows(b))         # read in their games only


def _comintern(g, s, ok, actor, target, arg, arg2) -> None:
    mutate.set_policy(g, s, ok, g.qidx["comintern"], arg)


def _pass(g, s, ok, actor, target, arg, arg2) -> None:
    return None


APPLY = {
    "pass": _pass,
    "appoint_secretary": _appoint,
    "transfer_secretary": _transfer,
    "dismiss_secretary": _dismiss,
    "form_bloc": _form,
    "join_bloc": _join,
    "leave_bloc": _leave,
    "polemic": _polemic,
    "speak": _speak,
    "recruit": _recruit,
    "gather_information": _gather,
    "set_comintern": _comintern,
}
LOG_KIND = {"appoint_secretary": "appointment", "transfer_secretary": "appointment",
            "dismiss_secretary": "removal", "form_bloc": "alliance", "join_bloc": "alliance",
            "leave_bloc": "alliance", "polemic": "publication", "speak": "speech",
            "recruit": "recruitment", "gather_information": "intelligence",
            "set_comintern": "policy", "pass": "pass"}
