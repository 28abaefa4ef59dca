"""The actions a leader can take: what they need, what they cost, and why one is refused.

An action is five integers (kind, actor, target, arg, arg2); what target and arg mean depends on
the kind (see KINDS). Legality is computed for the whole batch at once (``check``) and turned
into a sentence for one game (``why_illegal``), so the interface, the rivals and the rules all
judge an action the same way.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

import numpy as np

from . import legality     # which reads this module's names only when it checks
from .jit import kernel
from .state import BODY, State

if TYPE_CHECKING:
    from .game import Game

POWERS = ("appoint", "police", "press", "army", "comintern", "government", "unions", "control",
          "inspection", "recruit", "party_org")
POWER = {p: i for i, p in enumerate(POWERS)}

# kind: (what target is, what arg is, what arg2 is, base cost, a short label)
KINDS = {
    "pass": (None, None, None, 0, "Pass"),
    "appoint_secretary": ("region", None, None, 1, "Appoint a secretary"),
    "transfer_secretary": ("region", "region", None, 1, "Transfer a secretary"),
    "dismiss_secretary": ("region", None, None, 1, "Dismiss a secretary"),
    "propose": (None, "motion", None, 1, "Propose a motion"),
    "condemn": ("person", None, None, 1, "Move to condemn"),
    "remove_from_post": ("person", "post", "person", 2, "Move to remove from a post"),
    "expel": ("person", "level", None, 2, "Move to expel"),
    "promote": ("person", None, None, 1, "Propose for the Politburo"),
    "demote": ("person", None, None, 1, "Move to demote to candidate member"),
    "form_bloc": ("bloc", None, None, 1, "Form an alliance"),
    "join_bloc": ("bloc", None, None, 1, "Join an alliance"),
    "leave_bloc": ("bloc", None, None, 1, "Leave an alliance"),
    "polemic": ("person", None, None, 1, "Publish a polemic"),
    "speak": (None, None, None, 1, "Speak at the sitting"),
    "recruit": ("region", None, None, 2, "Launch a recruitment drive"),
    "gather_information": ("person", None, None, 1, "Gather information"),
    "testament": (None, "testament", None, 2, "Lenin's Testament"),
    "set_comintern": (None, "option", None, 1, "Set the Comintern line"),
}
KIND_IDS = tuple(KINDS)
KIND = {k: i for i, k in enumerate(KIND_IDS)}
MOTION_KINDS = ("propose", "condemn", "remove_from_post", "expel", "promote", "demote",
                "testament")
LEVELS = ("politburo", "central_committee", "party")
TESTAMENT = ("publish", "suppress")

REASONS = (
    "",
    "{actor} has died.",
    "{actor} has been expelled from the party.",
    "{actor} is too ill to take part in politics.",
    "{actor} is not one of the leaders who act.",
    "{actor} has {ap} action points left; this needs {cost}.",
    "Only the General Secretary or a member of the Orgburo can appoint or move a regional secretary.",
    "The {region} organisation is led by {holder} ({post}); he must lose that post first.",
    "The {region} secretary is already {actor}'s loyal man.",
    "The {region} secretary is not {actor}'s man, so he cannot be transferred by him.",
    "Choose another region to send the secretary to.",
    "Only members of the Politburo may table this.",
    "This motion cannot be tabled now: {motion_when}.",
    "That policy is already in force.",
    "{target} cannot be the object of this motion (dead, expelled or oneself).",
    "{target} does not hold the post of {post}.",
    "{successor} cannot take the post (dead, expelled, too ill, or the one being removed).",
    "{target} does not sit on the Politburo.",
    "{target} still sits on the Politburo; he must be removed from it before the Central "
    "Committee can expel him.",
    "{target} still sits on the Central Committee; he must be expelled from it before the party "
    "can expel him.",
    "{target} is already a full member of the Politburo.",
    "{target} must first sit on the Central Committee.",
    "{actor} may not join {bloc}.",
    "{bloc} already exists; join it instead.",
    "{bloc} has no members yet; form it instead.",
    "{actor} already belongs to {bloc}.",
    "{actor} does not belong to {bloc}.",
    "{members} will not have {actor}: their regard for him is too low.",
    "There is no Party Congress or Conference this month.",
    "{actor} has been denied the floor.",
    "Only the General Secretary can launch a recruitment drive.",
    "The secret police does not report to {actor}.",
    "Lenin's Testament has not been written, or its fate is already settled.",
    "Only the chairman of the Comintern sets its line without a vote.",
    "Unknown action.",
    "{target} is not a member of the Central Committee.",
    "{target} does not sit on the Central Committee.",
    "{target} is no longer a member of the party.",
    "That line was changed less than {term} months ago; it stands until then.",
    "{bloc} cannot be formed yet: {bloc_when}.",
    "The Politburo has no vacant seat: its {seats} seats are filled; the Congress sets their "
    "number.",
    "{target}'s views were condemned less than {condemn_term} months ago; the verdict stands "
    "until then.",
    "No motion may be moved against {target}: {inviolable}.",
    "The {region} secretary was placed less than {tenure} months ago; he stays until then.",
    "The {region} secretary is the General Secretary's choice; only a majority of the Orgburo "
    "behind {actor} could overrule it.",
    "The {region} secretary is {actor}'s own man, placed less than {rotation} months ago; "
    "without the General Secretary's powers he cannot replace him yet: rotating secretaries "
    "is the Secretariat's work.",
)
(OK, DEAD, EXPELLED, ILL, NOT_LEADER, NO_AP, NO_APPOINT, REGION_HELD, ALREADY_LOYAL,
 NOT_HIS_MAN, SAME_REGION, NOT_POLITBURO, MOTION_WHEN, POLICY_IN_FORCE, BAD_TARGET, NOT_HOLDER,
 BAD_SUCCESSOR, NOT_IN_POLITBURO, STILL_POLITBURO, STILL_CC, ALREADY_FULL, NEEDS_CC, BLOC_CLOSED,
 BLOC_EXISTS, BLOC_EMPTY, IN_BLOC, NOT_IN_BLOC, UNWELCOME, NO_SITTING, SILENCED, NO_RECRUIT,
 NO_POLICE, NO_TESTAMENT, NO_COMINTERN, UNKNOWN, NOT_CC_MEMBER, NOT_IN_CC,
 NOT_PARTY, POLICY_RECENT, BLOC_WHEN, NO_SEAT, CONDEMNED, INVIOLABLE,
 SECRETARY_NEW, SECRETARIAT_DECIDES, OWN_MAN) = range(len(REASONS))


@dataclass(frozen=True)
class Action:
    kind: str
    actor: int
    target: int = -1
    arg: int = -1
    arg2: int = -1
    cost: float = 0.0
    label: str = ""

    def row(self) -> tuple[int, int, int, int, int]:
        return (KIND[self.kind], self.actor, self.target, self.arg, self.arg2)


def cost_of(g: "Game", state: State, kind: int, actor: np.ndarray) -> np.ndarray:
    """[B] action points the action costs each actor."""
    base = np.full(actor.shape, float(KINDS[KIND_IDS[kind]][3]), dtype=np.float32)
    if KIND_IDS[kind] == "appoint_secretary":
        has = g.holds_power(state, "appoint")[np.arange(state.batch), actor]
        base = np.where(has, base, base + 1)       # an Orgburo member without the Secretariat
    return base


def _gather(a: np.ndarray, idx: np.ndarray) -> np.ndarray:
    """a[b, idx[b]] with idx clipped to a valid index (callers mask invalid ones): a loop, as
    a check reads a few games' rows many times over."""
    idx = np.asarray(idx, dtype=np.int64)
    if idx.shape != a.shape[:1]:
        raise ValueError(f"one index per row: {idx.shape} for {a.shape}")
    return _gather_rows(a, idx)


@kernel
def _gather_rows(a, idx):
    n, m = a.shape
    out = np.empty(n, dtype=a.dtype)
    for b in range(n):
        out[b] = a[b, min(max(idx[b], 0), m - 1)]
    return out


def check(g: "Game", state: State, kind: int, actor: np.ndarray, target: np.ndarray,
          arg: np.ndarray, arg2: np.ndarray) -> np.ndarray:
    """[B] reason code (0 = legal) for the action in every game of the batch."""
    return check_and_cost(g, state, kind, actor, target, arg, arg2)[0]


def unable(g: "Game", state: State) -> np.ndarray:
    """[B,P] why each person can take no action at all (0 if he can): the first of dead,
    expelled, too ill. No action changes these, so a turn's resolution reads them once."""
    code = np.where(state.health < g.incapacitated, np.int16(ILL), np.int16(OK))
    code[state.expelled] = EXPELLED
    code[~state.alive] = DEAD
    return code


def check_and_cost(g: "Game", state: State, kind: int, actor: np.ndarray, target: np.ndarray,
                   arg: np.ndarray, arg2: np.ndarray,
                   actor_unable: Optional[np.ndarray] = None) -> tuple[np.ndarray, np.ndarray]:
    """``check`` and ``cost_of`` at once (the check needs the cost; a cost of 0 for an
    unknown kind). ``actor_unable``: each actor's ``unable`` code, when the caller has them."""
    failed: list = []                       # (condition, reason) in the checks' order

    def fail(cond: np.ndarray, reason: int) -> None:
        failed.append((cond, reason))

    first = _gather(unable(g, state), actor) if actor_unable is None else actor_unable
    fail(~g.leaders[actor], NOT_LEADER)
    if not 0 <= kind < len(KIND_IDS):
        fail(np.ones(state.batch, dtype=bool), UNKNOWN)
        return _first_reason(first, failed), np.zeros(state.batch, dtype=np.float32)
    cost = cost_of(g, state, kind, actor)
    fail(_gather(state.ap, actor) < cost, NO_AP)
    legality.CHECKS[KIND_IDS[kind]](g, state, actor, target, arg, arg2, fail)
    return _first_reason(first, failed), cost


def _first_reason(first: np.ndarray, failed: list) -> np.ndarray:
    """[n] ``first`` where it is a reason, else the reason of the first condition that holds
    (0 where none does): written from the last to the first, one step each, instead of
    masking out at every check the games already refused."""
    code = np.zeros(len(first), dtype=np.int16)
    for cond, reason in reversed(failed):
        code[cond] = reason
    return np.where(first != OK, first, code)


def why_illegal(g: "Game", state: State, b: int, action: Action) -> Optional[str]:
    sub = state.take([b])
    code = refusal(g, sub, action)
    if code == OK:
        return None
    if code == UNKNOWN:
        return REASONS[UNKNOWN]
    return reason_sentence(g, sub, action, code)


def refusal(g: "Game", one: State, action: Action) -> int:
    """The reason code ``action`` is refused in ``one`` (a batch of one game; OK: legal)."""
    row = np.array(action.row(), dtype=np.int64)
    if row[0] < 0 or row[0] >= len(KIND_IDS):
        return UNKNOWN
    return int(check(g, one, int(row[0]), *[np.array([v]) for v in row[1:]])[0])


def reason_sentence(g: "Game", one: State, action: Action, code: int) -> str:
    """Why ``action`` is refused (reason ``code``), in a sentence naming its people and posts;
    ``one``: the game it was refused in, as a batch of one."""
    return REASONS[int(code)].format(**_fields(g, one, action))


def _name(g: "Game", i: int) -> str:
    return g.scenario.persons[i].name if 0 <= i < g.P else "nobody"


def _fields(g: "Game", s: State, a: Action) -> dict:
    """Names for the reason templates (game 0 of the one-game batch ``s``)."""
    spec = KINDS[a.kind]
    f = {"actor": _name(g, a.actor), "ap": f"{float(s.ap[0, a.actor]):g}",
         "cost": f"{float(cost_of(g, s, KIND[a.kind], np.array([a.actor]))[0]):g}",
         "target": "", "region": "", "post": "", "holder": "", "bloc": "", "motion_when": "",
         "bloc_when": "", "inviolable": "",
         "successor": _name(g, a.arg2), "members": "", "term": f"{g.params['policy_term']:g}",
         "condemn_term": f"{g.params['condemn_term']:g}",
         "tenure": f"{g.params['secretary_tenure']:g}",
         "rotation": f"{g.params['rotation_term']:g}",
         "seats": g.seats_at(s.turn)}
    if spec[0] == "person":
        f["target"] = _name(g, a.target)
        guard = g.scenario.persons[a.target].inviolable if 0 <= a.target < g.P else None
        f["inviolable"] = guard.why if guard is not None else ""
    if spec[0] == "region" and 0 <= a.target < g.R:
        r = a.target
        f["region"] = g.scenario.regions[r].name
        posts = np.flatnonzero(g.post_region == r)
        if len(posts):
            f["post"] = g.scenario.posts[posts[0]].name
            f["holder"] = _name(g, int(s.holder[0, posts[0]]))
    if a.kind == "remove_from_post" and 0 <= a.arg < g.K:
        f["post"] = g.scenario.posts[a.arg].name
    if spec[0] == "bloc" and 0 <= a.target < g.L:
        f["bloc"] = g.scenario.blocs[a.target].name
        members = np.flatnonzero(s.bloc[0, a.target])
        f["members"] = " and ".join(_name(g, int(m)) for m in members)
        f["bloc_when"] = _when_words(g.scenario.blocs[a.target])
    if a.kind == "propose" and 0 <= a.arg < len(g.motion_ids):
        f["motion_when"] = _when_words(g.scenario.motions[a.arg])
    return f


def _when_words(item) -> str:
    """A bloc's or motion's ``when`` as the player should read it: the scenario's words, or
    the expression itself where the author gave none."""
    return item.when_text or item.when


def label(g: "Game", a: Action) -> str:
    """A short description of an action for menus and logs."""
    sc = g.scenario
    t = a.target
    if a.kind == "pass":
        return "Pass"
    if a.kind in ("appoint_secretary", "dismiss_secretary", "recruit"):
        where = sc.regions[t].name if t >= 0 else "every region"
        return f"{KINDS[a.kind][4]}: {where}"
    if a.kind == "transfer_secretary":
        return f"Move the {sc.regions[t].name} secretary to {sc.regions[a.arg].name}"
    if a.kind == "propose":
        return f"Propose: {sc.motions[a.arg].name}"
    if a.kind == "remove_from_post":
        succ = f", {_name(g, a.arg2)} to succeed" if a.arg2 >= 0 else ""
        return f"Move to remove {_name(g, t)} as {sc.posts[a.arg].name}{succ}"
    if a.kind == "expel":
        where = {"politburo": "the Politburo", "central_committee": "the Central Committee",
                 "party": "the party"}[LEVELS[a.arg]]
        return f"Move to expel {_name(g, t)} from {where}"
    if a.kind in ("form_bloc", "join_bloc", "leave_bloc"):
        return f"{KINDS[a.kind][4]}: {sc.blocs[t].name}"
    if a.kind == "testament":
        return "Move to publish Lenin's Testament" if a.arg == 0 else \
            "Move to keep Lenin's Testament secret"
    if a.kind == "set_comintern":
        return f"Comintern line: {g.comintern_options()[a.arg]}"
    if KINDS[a.kind][0] == "person":
        return f"{KINDS[a.kind][4]}: {_name(g, t)}"
    return KINDS[a.kind][4]


def candidates(g: "Game", kind: str, actor: int) -> list[Action]:
    """Every parameterisation of ``kind`` worth checking for ``actor``."""
    t, a1, a2, _, _ = KINDS[kind]
    people = [p for p in range(g.P) if p != actor]
    targets = {"person": people, "region": list(range(g.R)), "bloc": list(range(g.L)),
               None: [-1]}[t]
    if kind == "recruit":
        targets = [-1] + targets
    args = {None: [-1], "region": list(range(g.R)), "motion": list(range(len(g.motion_ids))),
            "post": list(range(g.K)), "level": [0, 1, 2], "testament": [0, 1],
            "option": list(range(len(g.comintern_options())))}[a1]
    # a removal's successor (arg2) is left to the rules: the mover's best-placed ally
    return [Action(kind, actor, tg, ar, -1) for tg in targets for ar in args]


def enumerate_legal(g: "Game", state: State, b: int, actor: int) -> list[Action]:
    """All legal actions for one actor in one game, batched per kind for speed."""
    sub = state.take([b])
    out: list[Action] = []
    for kind in KIND_IDS:
        cands = candidates(g, kind, actor)
        if not cands:
            continue
        codes, costs = check_candidates(g, sub, kind, cands)
        for c, code, cost in zip(cands, codes, costs):
            if code == OK:
                a = Action(c.kind, c.actor, c.target, c.arg, c.arg2, float(cost))
                out.append(Action(a.kind, a.actor, a.target, a.arg, a.arg2, a.cost, label(g, a)))
    return out


def check_candidates(g: "Game", one: State, kind: str,
                     cands: list[Action]) -> tuple[np.ndarray, np.ndarray]:
    """(reason codes, costs) of each of ``cands`` (actions of ``kind``) in ``one`` (a batch
    of one game), checked as one batch."""
    rep = one.take(np.zeros(len(cands), dtype=np.int64))
    rows = np.array([c.row() for c in cands], dtype=np.int64)
    return check_and_cost(g, rep, KIND[kind], rows[:, 1], rows[:, 2], rows[:, 3], rows[:, 4])


def from_ids(g: "Game", actor: str, kind: str, target: Optional[str], arg: Optional[str],
             arg2: Optional[str]) -> Action:
    """An action named by ids, as the historical script writes it."""
    if kind not in KINDS:
        raise ValueError(f"unknown action kind {kind!r}")
    t, a1, a2, _, _ = KINDS[kind]

    def idx(kind_of: Optional[str], value: Optional[str]) -> int:
        if value is None or kind_of is None:
            return -1
        table = {"person": g.pidx, "region": g.ridx, "bloc": g.lidx, "post": g.kidx,
                 "motion": g.midx, "level": {v: i for i, v in enumerate(LEVELS)},
                 "testament": {v: i for i, v in enumerate(TESTAMENT)},
                 "option": {v: i for i, v in enumerate(g.comintern_options())}}[kind_of]
        if value == "all" and kind_of == "region":
            return -1
        return table[value]

    a = Action(kind, g.pidx[actor], idx(t, target), idx(a1, arg), idx(a2, arg2))
    return Action(a.kind, a.actor, a.target, a.arg, a.arg2, float(KINDS[kind][3]), label(g, a))


def body_member(state: State, body: str) -> np.ndarray:
    return state.member[:, :, BODY[body]]
