"""Actions that take effect at once (appointments, alliances, polemics, …); motions are only
tabled here and decided in the vote phase (see motions.py)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import numpy as np

from . import motions, mutate, power
from .actions import (KIND_IDS, MOTION_KINDS, NO_SEAT, UNKNOWN, Action, check_and_cost, label,
                      reason_sentence, unable)
from .arith import clip
from .jit import F, kernel
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
    for j, kind, rows in _slot_kinds(s, arr[:, :, 0]):
        tabled.extend(_resolve_kind(g, s, kind, arr[:, j], rows, cannot, log, tabled))
    return tabled


def _promotions(g: "Game", tabled: list, target: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """[n] the other men whose promotion to the Politburo is already moved this month in each
    of the games ``rows``: each takes a seat if it passes, so ``target``'s ([n]) needs another
    vacant one (his own, moved twice, is voted once)."""
    moved = np.zeros((len(rows), g.P), dtype=bool)
    i = np.arange(len(rows))
    for m in tabled:
        here = m.mask[rows] & (m.kind[rows] == KIND_CODE["promote"]) & (m.arg2[rows] >= 0)
        moved[i[here], m.arg2[rows][here]] = True
    return moved.sum(axis=1) - moved[i, clip(target, 0, g.P - 1)]


def _slot_kinds(s: State, kinds: np.ndarray) -> list[tuple[int, int, np.ndarray]]:
    """(slot, kind, the games in order) of every kind of action some running game takes in
    that slot, by slot and then by kind: found for all the slots at once (a lone game has a
    slot or two a month)."""
    ok = (kinds >= 0) & (kinds < len(KIND_IDS)) & ~s.over[:, None]                 # [B,S]
    slot, game = ok.T.nonzero()                             # by slot, then by game
    key = slot * len(KIND_IDS) + kinds[game, slot]
    order = np.argsort(key, kind="stable")                  # by slot and kind, games in order
    key, game = key[order], game[order]
    cut = np.flatnonzero(key[1:] != key[:-1]) + 1
    starts = [0] + cut.tolist()
    return [(k // len(KIND_IDS), k % len(KIND_IDS), rows)
            for k, rows in zip(key[starts].tolist(), np.split(game, cut))] if len(key) else []


def _resolve_kind(g, s, kind, col, rows, cannot, log, tabled) -> list:
    """Check and apply (or table) the actions of one kind in one slot (``col`` [B,5]), taken
    in the games ``rows``; each check reads those games only."""
    c = col[rows]
    actor, target, arg, arg2 = c[:, 1], c[:, 2], c[:, 3], c[:, 4]
    actor_c = clip(actor, 0, g.P - 1)
    one = s if len(rows) == s.batch else s.rows(rows)
    code, cost = check_and_cost(g, one, kind, actor_c, target, arg, arg2,
                                cannot[rows, actor_c])
    # the checks read the clamped actor; a row naming no one (from a damaged save, say) is
    # refused, not played by whoever holds the clamped index
    code[actor != actor_c] = UNKNOWN
    if KIND_IDS[kind] == "promote" and tabled:
        pending = _promotions(g, tabled, target, rows)
        code[(code == 0) & (politburo_vacancies(g, one, pending) <= 0)] = NO_SEAT
    ok = code == 0
    if log is not None:
        _log_refusals(g, s, kind, col, rows[~ok], code[~ok], log)
    b = rows[ok]
    a = actor_c[ok]
    s.ap[b, a] -= cost[ok]
    name = KIND_IDS[kind]
    if name in MOTION_KINDS:
        mask = np.zeros(s.batch, dtype=bool)
        mask[b] = True
        return motions.from_actions(g, s, kind, clip(col[:, 1], 0, g.P - 1), col[:, 2],
                                    col[:, 3], col[:, 4], mask)
    if len(b):
        APPLY[name](g, s, b, a, target[ok], arg[ok], arg2[ok])
        if log is not None:
            for i in np.flatnonzero(ok):
                act = Action(name, int(actor[i]), int(target[i]), int(arg[i]), int(arg2[i]))
                log.add(int(rows[i]), s, LOG_KIND.get(name, name), _persons(g, act),
                        f"{g.names[g.person_ids[act.actor]]}: {label(g, act)}.", action=name)
    return []


def _persons(g: "Game", a: Action) -> list[str]:
    from .actions import KINDS
    out = [g.person_ids[a.actor]]
    if KINDS[a.kind][0] == "person" and a.target >= 0:
        out.append(g.person_ids[a.target])
    return out


def _log_refusals(g, s, kind, col, bad, code, log) -> None:
    """Log the refusal of the actions of the games ``bad``, for the reasons ``code``."""
    for b, why_code in zip(bad.tolist(), code.tolist()):
        a = Action(KIND_IDS[kind], *(int(v) for v in col[b, 1:5]))
        if not 0 <= a.actor < g.P:
            continue
        why = reason_sentence(g, s.take([b]), a, why_code)
        what = label(g, a)                  # "Propose for the Politburo: Valerian Kuibyshev"
        log.add(int(b), s, "refused", [g.person_ids[a.actor]],
                f"{g.names[g.person_ids[a.actor]]} cannot {what[:1].lower()}{what[1:]}: {why}",
                action=a.kind)


# ---------------------------------------------------------------------- immediate actions
# Each takes the games ``b`` where the action is played and, row for row, its actor, target,
# arg and arg2.
def _appoint(g, s, b, a, t, arg, arg2) -> None:
    old = s.sec_patron[b, t].astype(np.int64)
    had = old >= 0
    s.relations[b[had], old[had], a[had]] -= 0.1
    loyalty = g.params["appoint_loyalty"] + g.mod["appoint_loyalty"][a]
    orgburo = ~g.holds_power(s.rows(b), "appoint")[np.arange(len(b)), a]
    mutate.secretary_at(s, b, t, a, loyalty, orgburo)


def _transfer(g, s, b, a, t, arg, arg2) -> None:
    moving = s.sec_loyalty[b, t].copy()
    mutate.secretary_at(s, b, arg, a, 0.0, False)
    s.sec_loyalty[b, arg] = moving
    mutate.secretary_at(s, b, t, a, g.params["appoint_loyalty"] * 0.8, False)


def _dismiss(g, s, b, a, t, arg, arg2) -> None:
    old = s.sec_patron[b, t].astype(np.int64)
    had = old >= 0
    s.relations[b[had], old[had], a[had]] -= 0.1
    s.sec_patron[b, t] = -1
    s.sec_loyalty[b, t] = 0.5
    s.sec_turn[b, t] = -1            # the post stands open: a new man may be sent
    s.sec_orgburo[b, t] = False


def _form(g, s, b, a, t, arg, arg2) -> None:
    mutate.join_at(s, b, a, t)


def _join(g, s, b, a, t, arg, arg2) -> None:
    members = s.bloc[b, t]                                  # [n,P]
    s.relations[b, a] = clip(s.relations[b, a] + 0.1 * members, -1, 1)
    s.relations[b, :, a] = clip(s.relations[b, :, a] + 0.1 * members, -1, 1)
    mutate.join_at(s, b, a, t)


def _leave(g, s, b, a, t, arg, arg2) -> None:
    mutate.leave_at(s, b, a, t)
    members = s.bloc[b, t]
    s.relations[b, :, a] = clip(s.relations[b, :, a] - 0.15 * members, -1, 1)


def _polemic(g, s, b, a, t, arg, arg2) -> None:
    """A polemic costs its target standing in proportion to the standing he has, more when
    the rank and file already lean the author's way, and less the more he has been attacked
    lately (the same quarrel read again persuades fewer). The party reads it by who writes it:
    against a man with a greater following it is an attack on the party's majority and keeps
    polemic_from_below of its force. The author gains a share of the harm done when his is the
    party's line - closer to the rank and file, and from the stronger side - and loses standing
    otherwise. Either way it pulls the party a little towards him."""
    authors = s.rows(b)                                 # read in the authors' games only
    press = g.holds_power(authors, "press")[np.arange(len(b)), a]
    weaker = polemic_from_below(g, authors, a, t)
    p = g.params
    _polemic_rows(b, a, t, press, weaker, power.party_lean(authors),
                  polemic_fatigue(g, s, b, t), g.mod["polemic"], float(p["polemic_prestige"]),
                  float(p["polemic_from_below"]), float(polemic_author_gain(g, 1.0, True)),
                  float(polemic_author_gain(g, 0.0, False)), 0.02 * (1.5 - g.structural),
                  s.prestige, s.attacked, s.ideology, s.lean, s.relations)


@kernel
def _polemic_rows(b, a, t, press, weaker, lean, fatigue, force, prestige_k, from_below, credit,
                  blame, pull_k, prestige, attacked, ideology, region_lean, relations):
    """_polemic's sums for each polemic i (by a[i] against t[i] in game b[i]), in the types
    the whole-array form took: the hit in float64 from the author's float32 force, ``lean``
    [n,3] the party's (power.party_lean), ``fatigue`` [n] polemic_fatigue, ``credit`` and
    ``blame`` polemic_author_gain of a unit hit credited and of none not."""
    for i in range(len(b)):
        g, me, him = b[i], a[i], t[i]
        mine, his = F(0.0), F(0.0)
        for k in range(3):
            mine += abs(ideology[g, me, k] - lean[i, k])
            his += abs(ideology[g, him, k] - lean[i, k])
        closer = mine < his
        hit = np.float64(F(prestige_k) * force[me]) * (1.5 if press[i] else 1.0) \
            * np.float64(prestige[g, him] / F(50.0)) * (1.3 if closer else 0.6) \
            * np.float64(fatigue[i]) * (from_below if weaker[i] else 1.0)
        prestige[g, him] = min(max(np.float64(prestige[g, him]) - hit, 0.0), 100.0)
        attacked[g, him] += F(1.0)
        gain = credit * hit if closer and not weaker[i] else blame
        prestige[g, me] = min(max(np.float64(prestige[g, me]) + gain, 0.0), 100.0)
        for k in range(3):
            # it pulls the party a little towards him, in every region alike
            pull = F(pull_k) * (ideology[g, me, k] - lean[i, k])
            for r in range(region_lean.shape[1]):
                region_lean[g, r, k] = min(max(region_lean[g, r, k] + pull, F(-1.0)), F(1.0))
        if me == him:                   # nobody's regard for himself (mutate.relation)
            continue
        # their regard for each other falls
        relations[g, me, him] = min(max(relations[g, me, him] + F(-0.15), F(-1.0)), F(1.0))
        relations[g, him, me] = min(max(relations[g, him, me] + F(-0.15), F(-1.0)), F(1.0))


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


def _speak(g, s, b, a, t, arg, arg2) -> None:
    s.speech[b, a] += (0.5 + s.prestige[b, a] / 100.0) * g.mod["speech"][a]
    s.prestige[b, a] = clip(s.prestige[b, a] + 1.0, 0, 100)


def _recruit(g, s, b, a, t, arg, arg2) -> None:
    """A recruitment drive: new members who owe their place to the apparatus. A drive in
    every region adds recruit_size of the party; one aimed at a region, twice that share of it
    - in full while the party is under ``recruit_full`` thousand members, less and less above
    it, nothing past ``party_ceiling`` (``_room``)."""
    members = s.members[b]                                  # [n,R] before the drives
    room = _room(g, members)
    everywhere = t < 0
    if everywhere.any():
        bb = b[everywhere]
        add = g.params["recruit_size"] * room[everywhere] * members[everywhere].sum(axis=1)
        mutate.recruit_at(s, bb, -1, add)
        mine = s.sec_patron[bb] == a[everywhere][:, None]
        s.sec_loyalty[bb] = clip(s.sec_loyalty[bb] + 0.03 * mine, 0, 1)
    one = ~everywhere
    if one.any():
        region = t[one]
        add = g.params["recruit_size"] * 2 * room[one] * members[one, region]
        mutate.recruit_at(s, b[one], region, add)
    s.ind[b, IND["bureaucracy"]] = clip(
        s.ind[b, IND["bureaucracy"]] + g.params["recruit_bureaucracy"], 0, 100)


def _room(g, members: np.ndarray) -> np.ndarray:
    """[n] the share of a drive's full yield the party (``members`` [n,R], in thousands) can
    still take in (1 up to ``recruit_full`` thousand members, 0 at ``party_ceiling``)."""
    full, ceiling = g.params["recruit_full"], g.params["party_ceiling"]
    total = members.sum(axis=1)
    return clip((ceiling - total) / max(ceiling - full, 1.0), 0.0, 1.0)


def _gather(g, s, b, a, t, arg, arg2) -> None:
    """The secret police reports: the actor learns of the target's doings, and any secret
    bloc of the target's that the actor is not in is found out (legality.bloc_hidden)."""
    s.intel[b, a, t] = 1.0
    theirs = s.bloc[b, :, t] & ~s.bloc[b, :, a]                      # [n,L]
    s.exposed[b] |= theirs & bloc_hidden(g, s.rows(b))         # read in their games only


def _comintern(g, s, b, a, t, arg, arg2) -> None:
    mutate.set_policy_at(s, b, g.qidx["comintern"], arg)


def _pass(g, s, b, a, t, arg, arg2) -> None:
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
