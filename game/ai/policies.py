"""Scripted stand-ins for the human player, to measure how strong the rivals are.

- ``apparatus``: a competent organiser in Stalin's manner — secretaries, recruitment, the police
  files, allies against the strongest rival, and a motion only when the vote is safe;
- ``orator``: a competent man of the word — speeches, polemics, resolutions on the line;
- ``historical``: the scenario's script for this leader, move for move (its choices too); a
  leader the script never moves plays ``apparatus``;
- ``passive``: does nothing;
- ``random``: any legal action, at random.

They judge with the rivals' own instruments (legality, the vote forecast) but with a plain
character of their own — no personal fears, no erratic element, no misreading of votes — so a
stand-in plays the same whatever leader it is given. The competent ones (``apparatus``,
``orator``) also play what a good player of that role would: they table every motion (and
removal) their role's aims need as soon as the forecast says the vote will carry it, keep out
of an open faction under the ban, and decide events by what serves them, with no lean towards
what history chose — so a stand-in Trotsky presses the Georgian bombshell when it pays.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import numpy as np

from ..engine import defiance, rng
from ..engine.actions import KIND, check, cost_of
from ..engine.state import State
from . import agenda
from .character import KIND_KEYS
from .difficulty import Difficulty
from .forecast import body_for as _body_for
from .menu import NEG
from .rivals import ACT_MIN, Rivals, rows, select
from .value_actions import KAPPA

if TYPE_CHECKING:
    from ..engine.game import Game

NAMES = ("apparatus", "orator", "historical", "passive", "random")
PLAIN = Difficulty("scripted", noise=0.0, misjudge=0.0, horizon=36.0, ap_share=1.0, picks=4,
                   motions=1, coordinate=0.0, choice_noise=0.0, pretext=False)
AIM_GAIN = 0.12          # a motion that wins one of his aims, in standing
LEAVE_VALUE = 0.05       # leaving an open faction under the ban, in standing
AIM_SURE = 0.75          # the chance of carrying it he wants before he moves it
# Lenin's advice (Stalin out of the Secretariat) is half of the Trotsky role's democracy aim,
# and with the ban on factions standing until the 46 demand its end (October 1923) the other
# half is a long chance: a competent player moves the removal on better than even odds, and the
# Testament - the Postscript asks for the removal, and its reading costs the General Secretary
# his standing - on any fair chance, since the rivals bury it if he waits. Sure as for a
# policy, the stand-in Trotsky won at easy in 60% of 200 games; so, in 72%.
REMOVE_SURE = 0.6        # ... a removal from a post his aims want the man out of
ONCE_SURE = 0.25         # ... Lenin's Testament read to the delegates
PROFILES = {
    "apparatus": {"appoint_secretary": 2.0, "recruit": 1.6, "gather_information": 1.5,
                  "remove_from_post": 1.3, "expel": 1.3, "demote": 1.2, "promote": 1.5,
                  "polemic": 0.6, "speak": 1.2, "propose": 0.8, "join_bloc": 1.2,
                  "form_bloc": 1.2, "aggression": 1.2, "caution": 0.5, "patience": 0.0,
                  "alliance": 1.2, "principle": 0.5, "ambition": 1.5},
    "orator": {"polemic": 2.0, "speak": 2.0, "propose": 1.6, "condemn": 1.3, "testament": 1.3,
               "appoint_secretary": 0.5, "recruit": 0.5, "aggression": 0.8, "caution": 0.5,
               "patience": 0.4, "alliance": 0.8, "principle": 1.5, "ambition": 1.2},
}


def plain(g: "Game", profile: str) -> dict[str, float]:
    """A character without personal fears or friends: the profile, every other kind at 1."""
    c = {k: 1.0 for k in KIND_KEYS}
    c.update(PROFILES.get(profile, PROFILES["apparatus"]))
    c.update({f"threat.{p}": 1.0 for p in g.person_ids})
    c.update({f"ally.{p}": 0.0 for p in g.person_ids})
    return c


class Scripted:
    """A stand-in playing one leader (``person``) for every game of a batch."""

    def __init__(self, g: "Game", person: str, name: str = "apparatus"):
        if name not in NAMES:
            raise ValueError(f"unknown policy {name!r}; choose one of {', '.join(NAMES)}")
        self.g, self.name, self.person = g, name, person
        self.p = g.pidx[person]
        profile = name if name in PROFILES else "apparatus"
        self.engine = Rivals(g, PLAIN, characters={person: plain(g, profile)})
        self.n = int(np.flatnonzero(self.engine.ch.lead == self.p)[0])
        self.out_of_post = agenda.out_of_post(g, person)
        self.script = _script(g, person) if name == "historical" else None
        if self.script is not None and not any(self.script["moves"]):
            self.script = None                           # history never moves him: organise

    def moves(self, s: State) -> np.ndarray:
        if self.name == "passive":
            return np.full((s.batch, 0, 5), -1, dtype=np.int64)
        if self.script is not None:
            return self._historical(s)
        others = tuple(int(q) for q in self.engine.ch.lead if q != self.p)
        t = self.engine.evaluate(s, skip=others)
        value = np.full_like(t.board.value, NEG)
        if self.name == "random":
            u = rng.uniform(s.seed, s.turn, rng.SITES["ai"],
                            (1 << 26) + np.arange(self.engine.menu.C)).astype(np.float32)
            value[:, self.n] = np.where(t.board.legal[:, self.n], ACT_MIN * 1.01 + u, NEG)
        else:
            value[:, self.n] = t.board.value[:, self.n]
            if self.name in PROFILES:
                self._pursue_aims(t, value)
                self._no_open_faction(t, value)
        budget = np.zeros(value.shape[:2], dtype=np.float32)
        budget[:, self.n] = s.ap[:, self.p] * t.ctx.act[:, self.p]
        picks = select(t.board, value, budget, PLAIN.picks, PLAIN.motions, self.engine.menu)
        return rows(t, picks)

    def _pursue_aims(self, t, value: np.ndarray) -> None:
        """A competent player moves what his aims need whenever the vote will carry it: every
        motion that puts in force a policy his role wants or sets a flag as it wants it (the
        ban on factions lifted, the great turn taken), and every removal of a man from a post
        his role wants him out of, is read by the forecast (not only the few the rivals' own
        reading ranks first) and is worth an aim won if it passes; a removal and the Testament
        are moved on longer odds."""
        g, s, ag, n = self.g, t.s, self.engine.ag, self.n
        menu = self.engine.menu
        blk = menu["propose"]
        q, o = ag.policy, ag.option
        has = q >= 0
        qc, oc = np.maximum(q, 0), np.maximum(o, 0)
        good = _good_options(t.wants[n])              # [Q,O] (a dated aim from its date)
        cur_ok = good[qc[None, :], s.policy[:, qc]] | ~has[None, :]             # [B,M]
        serves = (good[qc, oc] & has)[None, :] & ~cur_ok
        serves = serves | t.serves_flag[:, n]
        legal = t.board.legal[:, n, blk.sl] & t.motion_open
        bi, m = np.nonzero(serves & legal)
        if len(bi):
            bodies = np.array([_body_for(g, s.turn, mo.body) for mo in g.scenario.motions])
            share = t.fc.line(bi, np.full(len(bi), n), ag.unit[m], ag.bureaucratic[m],
                              bodies[m])
            _offer(value, bi, n, blk.start + m, share, g)
        # a rival out of a post (Lenin's advice: Stalin no longer General Secretary)
        blk = menu["remove"]
        mover = np.full(s.batch, self.p)
        for who, k in self.out_of_post:
            bi = np.flatnonzero((s.holder[:, k] == who) & t.board.legal[:, n, blk.start + k])
            if len(bi):
                body = _body_for(g, s.turn, g.post_removed_by[k])
                share = t.fc.duel(bi, np.full(len(bi), n), np.full(len(bi), who), body,
                                  takes=~defiance.testament_verdict(g, s, by=mover)[bi, k])
                _offer(value, bi, n, blk.start + k, share, g, REMOVE_SURE)
        # Lenin's Testament read to the delegates, when it is the man he wants out who holds
        # the General Secretary's powers: the Postscript asks for his removal
        gs = t.ctx.gensec
        target = np.zeros(s.batch, dtype=bool)
        for who, _k in self.out_of_post:
            target |= gs == who
        col = menu["testament"].start
        bi = np.flatnonzero(target & t.board.legal[:, n, col])
        if len(bi):
            body = _body_for(g, s.turn, "congress")
            share = t.fc.duel(bi, np.full(len(bi), n), gs[bi], body, personal=False,
                              bureaucratic=-0.5)
            _offer(value, bi, n, col, share, g, ONCE_SURE)

    def _no_open_faction(self, t, value: np.ndarray) -> None:
        """Under the ban on factions an open opposition bleeds standing every month and every
        motion it moves loses votes to discipline: a competent player joins no public bloc
        that would not carry the Politburo, and leaves one he finds himself in (Lenin's bloc,
        once Lenin is silenced)."""
        g, s, n, p = self.g, t.s, self.n, self.p
        col = self.engine.menu["bloc"].start
        kind = t.board.kind[:, n, col].astype(np.int64)
        L = np.maximum(t.board.target[:, n, col].astype(np.int64), 0)
        B = np.arange(s.batch)
        joining = (kind == KIND["form_bloc"]) | (kind == KIND["join_bloc"])
        public = ~g.bloc_secret[L] | s.exposed[B, L]
        value[joining & public & t.ctx.ban, n, col] = NEG
        # in an open faction: leave it (first of his blocs that is public and not the majority)
        open_ = t.ctx.opposition & s.bloc[:, :, p]
        out = t.ctx.ban & open_.any(axis=1) & t.ctx.act[:, p]
        if out.any():
            which = np.argmax(open_, axis=1)
            t.board.kind[out, n, col] = KIND["leave_bloc"]
            t.board.target[out, n, col] = which[out]
            t.board.legal[out, n, col] = True
            value[out, n, col] = LEAVE_VALUE

    def choose(self, g: "Game", s: State, e: int, mask: np.ndarray) -> np.ndarray:
        hist = np.full(s.batch, g.historical_choice[e], dtype=np.int64)
        if self.name in ("historical", "passive"):
            pick = (self.script or {}).get("choices", {}).get(e)
            return np.full(s.batch, pick, dtype=np.int64) if pick is not None else hist
        if self.name == "random":
            n = len(g.scenario.events[e].choices)
            u = rng.uniform(s.seed, s.turn, rng.SITES["choice"], (1 << 20) + e)
            return np.minimum((u * n).astype(np.int64), max(n - 1, 0))
        return self._choose(g, s, e, mask)

    def _choose(self, g: "Game", s: State, e: int, mask: np.ndarray) -> np.ndarray:
        """The choice that leaves him best placed (the rivals' own measure: standing against
        the men he fears, his role's aims), with no lean towards what history chose: a
        competent player takes the road the leader did not take when it serves him better."""
        ev = g.scenario.events[e]
        hist = np.full(s.batch, g.historical_choice[e], dtype=np.int64)
        idx = np.flatnonzero(mask)
        if len(ev.choices) < 2 or not len(idx):
            return hist
        chooser = self.engine.chooser
        sub = s.take(idx)
        score = np.stack([chooser.worth_after(g, sub, e, c, self.p)
                          for c in range(len(ev.choices))], axis=1)
        out = hist.copy()
        out[idx] = np.argmax(score, axis=1)
        return out

    def _historical(self, s: State) -> np.ndarray:
        """This turn's scripted moves, each kept in the games where it is legal and
        affordable."""
        g = self.g
        acts = self.script["moves"][s.turn] if s.turn < len(self.script["moves"]) else []
        B = s.batch
        out = np.full((B, len(acts), 5), -1, dtype=np.int64)
        ap = s.ap[:, self.p].astype(np.float32).copy()
        for j, a in enumerate(acts):
            row = np.array(a.row(), dtype=np.int64)
            col = [np.full(B, v, dtype=np.int64) for v in row[1:]]
            ok = check(g, s, int(row[0]), *col) == 0
            cost = cost_of(g, s, int(row[0]), col[0])
            ok &= cost <= ap + 1e-6
            ap -= np.where(ok, cost, 0.0)
            out[ok, j] = row
        return out


def _good_options(want: np.ndarray) -> np.ndarray:
    """[Q,O] the options of each policy that meet the role's aims: those it names (``==``),
    or, where it only rules some out (``!=``), every other one."""
    named = (want > 0).any(axis=1, keepdims=True)
    ruled = (want < 0).any(axis=1, keepdims=True)
    return np.where(named, want > 0, ruled & (want >= 0))


def _offer(value: np.ndarray, b: np.ndarray, n: int, col, share: np.ndarray, g,
           sure: float = AIM_SURE) -> None:
    """Raise the value of candidate ``col`` in games ``b`` to that of an aim won, if the
    forecast share of votes makes it ``sure`` enough."""
    p = 1.0 / (1.0 + np.exp(-(share - 0.5) / 0.025))
    loss = KAPPA * g.params["failed_motion_prestige"] * 2.0
    v = np.where(p >= sure, p * AIM_GAIN - (1.0 - p) * loss, NEG).astype(np.float32)
    value[b, n, col] = np.maximum(value[b, n, col], v)


def _script(g: "Game", person: str) -> Optional[dict]:
    """The script's moves for ``person`` per turn, and his choices per event index."""
    from ..engine.calendar import month_index
    moves: list[list] = [[] for _ in range(g.n_turns)]
    picks: dict[int, int] = {}
    for m in g.scenario.script:
        if m.actor != person:
            continue
        try:
            t = (month_index(m.date) - g.start) // g.turn_months
            if m.action == "choose":
                event = m.target if m.target in g.eidx else m.arg2
                e = g.eidx[event]
                picks[e] = [c.id for c in g.scenario.events[e].choices].index(m.arg)
            elif 0 <= t < g.n_turns and m.action in KIND:
                moves[t].append(g.action(m.actor, m.action, m.target, m.arg, m.arg2))
        except (KeyError, ValueError):
            continue
    return {"moves": moves, "choices": picks}


def make(g: "Game", person: str, name: str) -> Scripted:
    return Scripted(g, person, name)
