"""What each action needs, checked for the whole batch at once.

Each check receives [B] arrays (actor, target, arg, arg2) and a ``fail(condition, reason)``
callback that records the first failing reason per game (see actions.REASONS).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

import numpy as np

from . import actions as A
from .arith import clip, distinct
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
    return _g(state.member[:, :, BODY[body]], who)


def _person_ok(g: "Game", state: State, who: np.ndarray, actor: np.ndarray) -> np.ndarray:
    ok = _in_range(who, g.P)
    return ok & _g(state.alive, who) & ~_g(state.expelled, who) & (who != actor)


def _region_held(g: "Game", state: State, actor: np.ndarray, region: np.ndarray) -> np.ndarray:
    """The region is led by a party_org post whose holder is someone else, still in politics."""
    held = np.zeros(state.batch, dtype=bool)
    act = g.active(state)
    for k in np.flatnonzero(g.post_region >= 0):
        h = state.holder[:, k]
        here = (g.post_region[k] == region) & (h >= 0) & (h != actor)
        held |= here & _g(act, h)
    return held


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
    mover, patron = np.asarray(mover), np.asarray(patron)
    return (secretary_new(g, state, placed) | own_man(g, state, mover, patron, placed)
            | secretariat_decides(g, state, mover, patron, orgburo))


def secretary_new(g: "Game", state: State, placed: np.ndarray) -> np.ndarray:
    """A secretary placed in turn ``placed`` stays ``secretary_tenure`` months, whoever would
    move him (his patron included): he was recommended to a provincial committee's
    conference, not recalled the next month."""
    return ~_stood(g, state, placed, "secretary_tenure")


def own_man(g: "Game", state: State, mover: np.ndarray, patron: np.ndarray,
            placed: np.ndarray) -> np.ndarray:
    """The secretary, placed in turn ``placed``, is ``mover``'s own man and ``mover`` lacks the
    General Secretary's powers: he may place men where the Orgburo lets him, but replacing his
    own men as their loyalty wanes - rotating cadres - was the Secretariat's work, and without
    it he must wait ``rotation_term`` months to have one replaced."""
    nd = max(mover.ndim, patron.ndim)
    bi = np.arange(state.batch).reshape((-1,) + (1,) * (nd - 1))
    gs = g.holds_power(state, "appoint")
    return ((patron >= 0) & (patron == mover) & ~gs[bi, np.maximum(mover, 0)]
            & ~_stood(g, state, placed, "rotation_term"))


def secretariat_decides(g: "Game", state: State, mover: np.ndarray, patron: np.ndarray,
                        orgburo: np.ndarray) -> np.ndarray:
    """``patron``'s man (placed by a decision of the Orgburo where ``orgburo``) is not
    ``mover``'s to replace. The Secretariat under the General Secretary made the
    appointments and the Orgburo could reverse them: a man of the General Secretary's choice
    can be replaced by anyone else only with a majority of the Orgburo behind him
    (power.orgburo_majority), and a man the Orgburo placed stays while his patron keeps that
    majority, the General Secretary's wishes notwithstanding."""
    nd = max(mover.ndim, patron.ndim, orgburo.ndim)
    bi = np.arange(state.batch).reshape((-1,) + (1,) * (nd - 1))
    act = g.active(state)
    gs = g.holds_power(state, "appoint") & act
    majority = orgburo_majority(state, act)
    m, p = np.maximum(mover, 0), np.maximum(patron, 0)
    other = (patron >= 0) & (patron != mover)
    chosen = gs[bi, p] & ~gs[bi, m] & ~majority[bi, m]
    return other & (chosen | (orgburo & majority[bi, p]))


def _overrules(g, state, actor, region, fail: Fail) -> None:
    """The secretary of ``region`` is replaced or moved by ``actor`` (appointment_stands)."""
    there = _in_range(region, g.R)
    fail(there & _g(secretary_new(g, state, state.sec_turn), region), A.SECRETARY_NEW)
    own = own_man(g, state, actor, _g(state.sec_patron, region), _g(state.sec_turn, region))
    fail(there & own, A.OWN_MAN)
    chosen = secretariat_decides(g, state, actor, _g(state.sec_patron, region),
                                 _g(state.sec_orgburo, region))
    fail(there & chosen, A.SECRETARIAT_DECIDES)


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
            fail(here & ~line_open(g, state)[:, q], A.POLICY_RECENT)


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
    out = g.bloc_secret[None, :] & ~state.exposed
    if g.inviolable:
        out &= ~(state.bloc & inviolable(g, state)[:, None, :]).any(axis=2)
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
        fail(~g.bloc_open_to[clip(target, 0, g.L - 1), actor], A.BLOC_CLOSED)
        fail(~bloc_formable(g, state)[np.arange(state.batch), clip(target, 0, g.L - 1)],
             A.BLOC_WHEN)
    fail(members.any(axis=1), A.BLOC_EXISTS)


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
