"""What each action needs, checked for the whole batch at once.

Each check receives [B] arrays (actor, target, arg, arg2) and a ``fail(condition, reason)``
callback that records the first failing reason per game (see actions.REASONS).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

import numpy as np

from . import actions as A
from .arith import clip, distinct
from .jit import kernel
from .power import orgburo_majority
from .state import BODY, State
from .succession import fit_for_post

if TYPE_CHECKING:
    from .game import Game

Fail = Callable[[np.ndarray, int], None]


def _g(a: np.ndarray, idx: np.ndarray) -> np.ndarray:
    return A._gather(a, idx)


def _in_range(idx: np.ndarray, n: int) -> np.ndarray:
    return (idx >= 0) & (idx < n)


def _body(state: State, body: str, who: np.ndarray) -> np.ndarray:
    return _member_of(state.member, BODY[body], np.asarray(who, dtype=np.int64))


@kernel
def _member_of(member, body, who):
    """[n] who[b] (clipped to a valid index) sits on ``body`` in game b."""
    n, P = member.shape[0], member.shape[1]
    out = np.empty(n, dtype=np.bool_)
    for b in range(n):
        out[b] = member[b, min(max(who[b], 0), P - 1), body]
    return out


def _person_ok(g: "Game", state: State, who: np.ndarray, actor: np.ndarray) -> np.ndarray:
    """[B] ``who`` is a man still in the party, not the actor himself."""
    return _person_ok_rows(state.alive, state.expelled, np.asarray(who, dtype=np.int64),
                           np.asarray(actor, dtype=np.int64))


@kernel
def _person_ok_rows(alive, expelled, who, actor):
    """[n] _person_ok of game b's ``who[b]`` and ``actor[b]``."""
    n, P = alive.shape
    out = np.empty(n, dtype=np.bool_)
    for b in range(n):
        w = who[b]
        out[b] = 0 <= w < P and alive[b, w] and not expelled[b, w] and w != actor[b]
    return out


def _region_held(g: "Game", state: State, actor: np.ndarray, region: np.ndarray) -> np.ndarray:
    """The region is led by a party_org post whose holder is someone else, still in politics."""
    return _region_held_rows(g.post_region, state.holder, g.active(state),
                             np.asarray(actor, dtype=np.int64), np.asarray(region, dtype=np.int64))


@kernel
def _region_held_rows(post_region, holder, act, actor, region):
    """[n] _region_held in game b: ``act`` [n,P] is g.active."""
    n, K = holder.shape
    out = np.zeros(n, dtype=np.bool_)
    for b in range(n):
        for k in range(K):
            h = holder[b, k]
            if post_region[k] >= 0 and post_region[k] == region[b] and h >= 0 \
                    and h != actor[b] and act[b, h]:
                out[b] = True
    return out


def _politburo_sponsor(g, state, actor, fail: Fail) -> None:
    fail(~_body(state, "politburo", actor), A.NOT_POLITBURO)


def check_pass(g, state, actor, target, arg, arg2, fail: Fail) -> None:
    return None


def appointment_stands(g: "Game", state: State, mover: np.ndarray, patron: np.ndarray,
                       placed: np.ndarray, orgburo: np.ndarray) -> np.ndarray:
    """The secretary who is ``patron``'s man (-1: a local man), placed in turn ``placed``
    (-1: before the start), by the Orgburo where ``orgburo``, may not be replaced by
    ``mover``: index arrays with the batch first, broadcast against each other. Without these
    two rules two men who appoint re-appointed the same secretaries month after month."""
    return appointment_rule(g, state, mover, patron, placed, orgburo) != A.OK


def appointment_rule(g: "Game", state: State, mover: np.ndarray, patron: np.ndarray,
                     placed: np.ndarray, orgburo: np.ndarray) -> np.ndarray:
    """The reason code of the first rule by which the appointment stands against ``mover``
    (appointment_stands' arrays, of up to three axes, the batch first): SECRETARY_NEW,
    OWN_MAN or SECRETARIAT_DECIDES, OK where he may replace the man."""
    arrs = (np.asarray(mover, dtype=np.int64), np.asarray(patron, dtype=np.int64),
            np.asarray(placed, dtype=np.int64), np.asarray(orgburo, dtype=bool))
    shape = np.broadcast_shapes(*(a.shape for a in arrs))
    # each with three axes (a length of 1 where it is broadcast): the kernel compiles once
    three = (np.ascontiguousarray(a.reshape(a.shape + (1,) * (3 - a.ndim))) for a in arrs)
    act = g.active(state)
    gs = g.holds_power(state, "appoint")
    p = g.params
    code = _appointment_rule(*three, (shape + (1, 1))[:3], gs, gs & act,
                             orgburo_majority(state, act), np.int64(state.turn),
                             np.int64(g.turn_months), float(p["secretary_tenure"]),
                             float(p["rotation_term"]))
    return code.reshape(shape)


@kernel
def _appointment_rule(mover, patron, placed, orgburo, shape, gs, gs_act, majority, turn,
                      turn_months, tenure, rotation):
    """[B,X,Y] (``shape``) appointment_rule of the arrays broadcast to it. ``gs``: [B,P] the
    General Secretary's powers to appoint (``gs_act``: and able to act); ``majority``: [B,P]
    power.orgburo_majority."""
    B, X, Y = shape
    out = np.zeros((B, X, Y), dtype=np.int16)
    for b in range(B):
        for i in range(X):
            for j in range(Y):
                m, pat = _at(mover, b, i, j), _at(patron, b, i, j)
                when, by_orgburo = _at(placed, b, i, j), _at(orgburo, b, i, j)
                mi = max(m, 0)
                since = (turn - when) * turn_months            # meaningless where never (-1)
                if when >= 0 and since < tenure:
                    # a secretary stays ``secretary_tenure`` months, whoever would move him
                    # (his patron included): he was recommended to a provincial committee's
                    # conference, not recalled the next month
                    out[b, i, j] = A.SECRETARY_NEW
                elif pat >= 0 and pat == m and not gs[b, mi] and when >= 0 \
                        and since < rotation:
                    # his own man, and he lacks the General Secretary's powers: he may place
                    # men where the Orgburo lets him, but replacing his own men as their
                    # loyalty wanes - rotating cadres - was the Secretariat's work, and
                    # without it he must wait ``rotation_term`` months to have one replaced
                    out[b, i, j] = A.OWN_MAN
                elif pat >= 0 and pat != m and (
                        (gs_act[b, pat] and not gs_act[b, mi] and not majority[b, mi])
                        or (by_orgburo and majority[b, pat])):
                    # another's man is not his to replace. The Secretariat under the General
                    # Secretary made the appointments and the Orgburo could reverse them: a
                    # man of the General Secretary's choice can be replaced by anyone else
                    # only with a majority of the Orgburo behind him, and a man the Orgburo
                    # placed stays while his patron keeps that majority, the General
                    # Secretary's wishes notwithstanding
                    out[b, i, j] = A.SECRETARIAT_DECIDES
    return out


@kernel
def _at(a, b, i, j):
    """a[b, i, j] of ``a`` broadcast along its axes of length 1."""
    return a[min(b, a.shape[0] - 1), min(i, a.shape[1] - 1), min(j, a.shape[2] - 1)]


def _overrules(g, state, actor, region, fail: Fail) -> None:
    """The secretary of ``region`` is replaced or moved by ``actor`` (appointment_stands)."""
    there = _in_range(region, g.R)
    rule = appointment_rule(g, state, actor, _g(state.sec_patron, region),
                            _g(state.sec_turn, region), _g(state.sec_orgburo, region))
    for reason in (A.SECRETARY_NEW, A.OWN_MAN, A.SECRETARIAT_DECIDES):
        fail(there & (rule == reason), reason)


def check_appoint(g, state, actor, target, arg, arg2, fail: Fail) -> None:
    can = _g(g.holds_power(state, "appoint"), actor) | _body(state, "orgburo", actor)
    fail(~can, A.NO_APPOINT)
    fail(~_in_range(target, g.R), A.UNKNOWN)
    fail(_region_held(g, state, actor, target), A.REGION_HELD)
    yours = (_g(state.sec_patron, target) == actor) & (_g(state.sec_loyalty, target) >= 0.8)
    fail(yours, A.ALREADY_LOYAL)
    _overrules(g, state, actor, target, fail)


def check_transfer(g, state, actor, target, arg, arg2, fail: Fail) -> None:
    fail(~_g(g.holds_power(state, "appoint"), actor), A.NO_APPOINT)
    fail(~_in_range(target, g.R) | ~_in_range(arg, g.R), A.UNKNOWN)
    fail(_g(state.sec_patron, target) != actor, A.NOT_HIS_MAN)
    fail(target == arg, A.SAME_REGION)
    fail(_region_held(g, state, actor, arg), A.REGION_HELD)
    _overrules(g, state, actor, target, fail)
    _overrules(g, state, actor, arg, fail)


def check_dismiss(g, state, actor, target, arg, arg2, fail: Fail) -> None:
    fail(~_g(g.holds_power(state, "appoint"), actor), A.NO_APPOINT)
    fail(~_in_range(target, g.R), A.UNKNOWN)
    fail(_region_held(g, state, actor, target), A.REGION_HELD)
    fail(_g(state.sec_patron, target) == actor, A.ALREADY_LOYAL)
    _overrules(g, state, actor, target, fail)


def months_since(g, state, when: np.ndarray) -> np.ndarray:
    """Months from turn ``when`` to this turn (meaningless where ``when`` is -1: never)."""
    return (state.turn - when.astype(np.int64)) * g.turn_months


def _stood(g, state, when: np.ndarray, term: str) -> np.ndarray:
    """What was done in turn ``when`` (-1: never) has stood the param ``term``'s months."""
    return (when < 0) | (months_since(g, state, when) >= g.params[term])


def line_open(g, state) -> np.ndarray:
    """[B,Q] the policy may be changed now: its option has stood ``policy_term`` months."""
    return _stood(g, state, state.policy_turn, "policy_term")


def check_propose(g, state, actor, target, arg, arg2, fail: Fail) -> None:
    fail(~_in_range(arg, len(g.motion_ids)), A.UNKNOWN)
    _politburo_sponsor(g, state, actor, fail)
    m = clip(arg, 0, max(len(g.motion_ids) - 1, 0))
    if not g.motion_ids:
        return
    tabled = distinct(m)
    may = when_holds(g, state, [g.motion_when[mi] for mi in tabled])            # [B,len(tabled)]
    open_lines = None
    for j, mi in enumerate(tabled):
        motion = g.scenario.motions[mi]
        here = m == mi
        if motion.kind not in ("resolution", "policy"):
            fail(here, A.UNKNOWN)
        fail(here & ~may[:, j], A.MOTION_WHEN)
        if motion.kind == "policy" and motion.policy in g.qidx:
            q = g.qidx[motion.policy]
            opt = [o.id for o in g.scenario.policies[q].options].index(motion.value)
            fail(here & (state.policy[:, q] == opt), A.POLICY_IN_FORCE)
            open_lines = line_open(g, state) if open_lines is None else open_lines
            fail(here & ~open_lines[:, q], A.POLICY_RECENT)


def condemn_open(g, state) -> np.ndarray:
    """[B,P] the man's views may be condemned now: no verdict on them in the last
    ``condemn_term`` months."""
    return _stood(g, state, state.condemned_turn, "condemn_term")


def inviolable(g, state) -> np.ndarray:
    """[B,P] no motion may be moved against the man now: his ``inviolable`` holds (Lenin while
    he lives: the struggle was over his succession, never against him)."""
    out = np.zeros((state.batch, g.P), dtype=bool)
    if g.inviolable:
        out[:, [i for i, _ in g.inviolable]] = when_holds(g, state, [w for _, w in g.inviolable])
    return out


def bloc_hidden(g, state) -> np.ndarray:
    """[B,L] a secret bloc the police may find out: not exposed yet, and none of its members
    above motions now (``inviolable``). Lenin's bloc with Trotsky was no faction to be
    denounced while Lenin lived: Stalin, who learned of Lenin's letters from his secretaries,
    kept them from the party as he kept the Testament (001: "Central Committee keeps Lenin's
    Testament secret"). Without it the General Secretary's police made it a public faction
    the month it formed, in every game, and the vote screens had Lenin move as a member of a
    banned faction."""
    above = inviolable(g, state)
    return _bloc_hidden(g.bloc_secret, np.ascontiguousarray(state.exposed),
                        np.ascontiguousarray(state.bloc), above)


@kernel
def _bloc_hidden(secret, exposed, bloc, above):
    """[B,L] bloc_hidden: ``above`` [B,P] is ``inviolable``."""
    B, L, P = bloc.shape
    out = np.zeros((B, L), dtype=np.bool_)
    for b in range(B):
        for l in range(L):
            hidden = secret[l] and not exposed[b, l]
            for p in range(P):
                if bloc[b, l, p] and above[b, p]:
                    hidden = False
            out[b, l] = hidden
    return out


def _against(g, state, actor, target, fail: Fail) -> None:
    """A motion against ``target`` (to condemn, remove, demote or expel him): moved from the
    Politburo, against another man still in the party, and not one above such motions now."""
    _politburo_sponsor(g, state, actor, fail)
    fail(~_person_ok(g, state, target, actor), A.BAD_TARGET)
    if g.inviolable:
        fail(_g(inviolable(g, state), target), A.INVIOLABLE)


def check_condemn(g, state, actor, target, arg, arg2, fail: Fail) -> None:
    _against(g, state, actor, target, fail)
    fail(~_g(condemn_open(g, state), target), A.CONDEMNED)


def check_remove(g, state, actor, target, arg, arg2, fail: Fail) -> None:
    _against(g, state, actor, target, fail)
    fail(~_in_range(arg, g.K), A.UNKNOWN)
    fail(_g(state.holder, arg) != target, A.NOT_HOLDER)
    # the man named to succeed him is judged fit as the Committee judges its own choice: able
    # to act and in health (a man in failing health takes no post)
    fit = _in_range(arg2, g.P) & _g(fit_for_post(g, state), arg2)
    fail((arg2 >= 0) & (~fit | (arg2 == target)), A.BAD_SUCCESSOR)


def check_expel(g, state, actor, target, arg, arg2, fail: Fail) -> None:
    _against(g, state, actor, target, fail)
    fail(~_in_range(arg, 3), A.UNKNOWN)
    in_pb = _body(state, "politburo", target) | _body(state, "politburo_candidate", target)
    in_cc = _body(state, "central_committee", target)
    fail((arg == 0) & ~in_pb, A.NOT_IN_POLITBURO)
    fail((arg == 1) & in_pb, A.STILL_POLITBURO)
    fail((arg == 1) & ~in_cc, A.NOT_IN_CC)
    fail((arg == 2) & in_cc, A.STILL_CC)


def politburo_vacancies(g, state, pending=0) -> np.ndarray:
    """[B] the Politburo's vacant full seats: the number in force this turn (the scenario's,
    then the last congress's; g.politburo_seats) less its full members and ``pending``
    promotions already moved this month. Zero or less: a promotion is refused. Members beyond
    the number keep their seats (a congress that shrinks the Politburo removes no one); it
    takes a death, a removal, an expulsion or a demotion to bring it below the number."""
    full = state.member[:, :, BODY["politburo"]].sum(axis=1)
    return g.seats_at(state.turn) - full - pending


def check_promote(g, state, actor, target, arg, arg2, fail: Fail) -> None:
    _politburo_sponsor(g, state, actor, fail)
    fail(~_person_ok(g, state, target, actor), A.BAD_TARGET)
    fail(_body(state, "politburo", target), A.ALREADY_FULL)
    fail(~_body(state, "central_committee", target), A.NEEDS_CC)
    fail(politburo_vacancies(g, state) <= 0, A.NO_SEAT)


def check_demote(g, state, actor, target, arg, arg2, fail: Fail) -> None:
    _against(g, state, actor, target, fail)
    fail(~_body(state, "politburo", target), A.NOT_IN_POLITBURO)


def _bloc_common(g, state, actor, target, fail: Fail) -> np.ndarray:
    fail(~_in_range(target, g.L), A.UNKNOWN)
    t = clip(target, 0, max(g.L - 1, 0))
    if g.L == 0:
        return np.zeros((state.batch, g.P), dtype=bool)
    return state.bloc[np.arange(state.batch), t]                    # [B,P]


def check_form(g, state, actor, target, arg, arg2, fail: Fail) -> None:
    members = _bloc_common(g, state, actor, target, fail)
    if g.L:
        t = clip(target, 0, g.L - 1)
        fail(~g.bloc_open_to[t, actor], A.BLOC_CLOSED)
        fail(~_formable(g, state, t), A.BLOC_WHEN)
    fail(members.any(axis=1), A.BLOC_EXISTS)


def _formable(g, state, t: np.ndarray) -> np.ndarray:
    """[B] bloc_formable of the bloc ``t`` names in each game: the ``when`` of the blocs named
    only, each read once."""
    blocs = distinct(t)
    may = when_holds(g, state, [g.bloc_when[l] for l in blocs])           # [B,len(blocs)]
    return may[np.arange(len(t)), np.searchsorted(blocs, t)]


def bloc_formable(g, state) -> np.ndarray:
    """[B,L] the bloc's ``when`` holds: the cause that made it (the turn against the NEP for
    the Right) has come about. Joining a bloc that exists is not limited."""
    return when_holds(g, state, g.bloc_when)


def when_holds(g, state, whens) -> np.ndarray:
    """[B,n] each of ``whens`` (compiled ``when`` expressions, None for none) holds in each
    game; true where there is none."""
    from .env import Env
    out = np.ones((state.batch, len(whens)), dtype=bool)
    env = None
    for i, when in enumerate(whens):
        if when is not None:
            env = env or Env(g, state)
            out[:, i] = np.asarray(when.fn(env), dtype=bool)
    return out


def check_join(g, state, actor, target, arg, arg2, fail: Fail) -> None:
    members = _bloc_common(g, state, actor, target, fail)
    if not g.L:
        return
    fail(~g.bloc_open_to[clip(target, 0, g.L - 1), actor], A.BLOC_CLOSED)
    fail(~members.any(axis=1), A.BLOC_EMPTY)
    fail(_g(members, actor), A.IN_BLOC)
    regard = state.relations[np.arange(state.batch), :, actor]             # [B,P] of actor
    n = np.maximum(members.sum(axis=1), 1)
    mean = (regard * members).sum(axis=1) / n
    fail(mean + g.mod["alliance"][actor] < -0.3, A.UNWELCOME)


def check_leave(g, state, actor, target, arg, arg2, fail: Fail) -> None:
    members = _bloc_common(g, state, actor, target, fail)
    fail(~_g(members, actor), A.NOT_IN_BLOC)


def check_polemic(g, state, actor, target, arg, arg2, fail: Fail) -> None:
    fail(~_person_ok(g, state, target, actor), A.BAD_TARGET)


def check_speak(g, state, actor, target, arg, arg2, fail: Fail) -> None:
    fail(np.full(state.batch, state.turn not in g.sitting_at), A.NO_SITTING)
    fail(_g(state.silenced, actor), A.SILENCED)


def check_recruit(g, state, actor, target, arg, arg2, fail: Fail) -> None:
    fail(~_g(g.holds_power(state, "recruit"), actor), A.NO_RECRUIT)
    fail((target < -1) | (target >= g.R), A.UNKNOWN)


def check_gather(g, state, actor, target, arg, arg2, fail: Fail) -> None:
    fail(~_g(g.holds_power(state, "police"), actor), A.NO_POLICE)
    fail(~_person_ok(g, state, target, actor), A.BAD_TARGET)


def check_testament(g, state, actor, target, arg, arg2, fail: Fail) -> None:
    f = g.fidx
    open_question = state.flags[:, f["testament_written"]] & \
        ~state.flags[:, f["testament_published"]] & ~state.flags[:, f["testament_suppressed"]]
    fail(~open_question, A.NO_TESTAMENT)
    fail(~_in_range(arg, 2), A.UNKNOWN)
    fail(~_body(state, "central_committee", actor), A.NOT_CC_MEMBER)


def check_comintern(g, state, actor, target, arg, arg2, fail: Fail) -> None:
    fail(~_g(g.holds_power(state, "comintern"), actor), A.NO_COMINTERN)
    n = len(g.comintern_options())
    fail(~_in_range(arg, n), A.UNKNOWN)
    if n:
        q = g.qidx["comintern"]
        fail(state.policy[:, q] == arg, A.POLICY_IN_FORCE)
        fail(~line_open(g, state)[:, q], A.POLICY_RECENT)


CHECKS = {
    "pass": check_pass,
    "appoint_secretary": check_appoint,
    "transfer_secretary": check_transfer,
    "dismiss_secretary": check_dismiss,
    "propose": check_propose,
    "condemn": check_condemn,
    "remove_from_post": check_remove,
    "expel": check_expel,
    "promote": check_promote,
    "demote": check_demote,
    "form_bloc": check_form,
    "join_bloc": check_join,
    "leave_bloc": check_leave,
    "polemic": check_polemic,
    "speak": check_speak,
    "recruit": check_recruit,
    "gather_information": check_gather,
    "testament": check_testament,
    "set_comintern": check_comintern,
}
