"""The game being played, as the interface sees it: the engine's Game, a one-game State, the
log, the human players' planned moves and event choices, and the computer rivals.

Everything here goes through the engine's verbs (legal_actions, why_illegal, pending_events,
step, outcome); the interface never computes a rule itself. What it keeps on its own is only
memory for display: the indicators after every turn (for the charts) and which log records
the player has already seen.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

def difficulties() -> tuple[str, ...]:
    """The rivals' difficulty levels the AI offers (game.ai.difficulty)."""
    try:
        from game.ai.difficulty import ORDER
        return tuple(ORDER)
    except ImportError:
        return ("normal",)


DIFFICULTY_TEXT = {
    "easy": "Rivals hesitate and blunder; good for a first game.",
    "normal": "Rivals play sensibly, with some errors.",
    "hard": "Rivals play their best line every turn.",
}


@dataclass(frozen=True)
class KindEntry:
    """One kind of action in the player's menu: its choices now, or why none is possible."""
    kind: str
    label: str
    cost: float
    actions: tuple          # legal game.engine.actions.Action objects
    reason: str | None      # the engine's sentence when no choice of this kind is legal


def load(name_or_path: str):
    from game.content.loader import load_scenario
    return load_scenario(name_or_path)


def scenarios() -> list[tuple[str, str, str]]:
    from game.content.loader import list_scenarios
    return list_scenarios()


class Session:
    def __init__(self, scenario, players: list[str], difficulty: str = "normal", seed: int = 1922,
                 mode: str = "campaign"):
        from game.ai.rivals import Rivals
        from game.engine.game import Game
        from game.engine.log import Log

        self.scenario = scenario
        self.g = Game(scenario)
        self.players = list(players)
        self.mode = mode
        self.difficulty = difficulty
        self.seed = seed
        self.state = self.g.new_state([seed])
        self.log = Log(self.g, 1)
        self.ai = Rivals(self.g, difficulty)
        self.planned: dict[str, list] = {p: [] for p in self.players}
        self.choices: dict[str, str] = {}
        self.history: list[tuple[str, np.ndarray]] = [(self.date, self.state.ind[0].copy())]
        self.seen = 0              # log records already shown to the player

    # ---------------------------------------------------------------- reading
    @property
    def date(self) -> str:
        return self.g.date(self.state.turn)

    @property
    def turn(self) -> int:
        return int(self.state.turn)

    @property
    def over(self) -> bool:
        return bool(self.state.over[0])

    @property
    def records(self) -> list[dict]:
        return self.log.records[0]

    def p(self, pid: str) -> int:
        return self.g.pidx[pid]

    def name(self, pid: str | None) -> str:
        return self.g.names.get(pid, pid or "—") if pid else "—"

    def short(self, pid: str | None) -> str:
        """The surname alone, for tables and captions."""
        full = self.name(pid)
        return full.split()[-1] if full and full != "—" else full

    def person(self, pid: str):
        return self.scenario.persons[self.p(pid)]

    def role(self, pid: str):
        return next((r for r in self.scenario.roles if r.person == pid), None)

    def posts_of(self, pid: str) -> list[str]:
        i = self.p(pid)
        return [self.scenario.posts[k].name for k in np.flatnonzero(self.state.holder[0] == i)]

    def ap_left(self, pid: str) -> float:
        spent = sum(a.cost for a in self.planned.get(pid, []))
        return float(self.state.ap[0, self.p(pid)]) - spent

    def indicator(self, name: str) -> float:
        from game.engine.state import IND
        return float(self.state.ind[0, IND[name]])

    def series(self, name: str) -> list[float]:
        from game.engine.state import IND
        return [float(ind[IND[name]]) for _, ind in self.history]

    def outcome(self) -> dict:
        return self.g.outcome(self.state, 0)

    # ---------------------------------------------------------------- planning
    def _budget_state(self, pid: str):
        """A copy of the state with this turn's planned costs already spent (for the engine's
        own action-point check)."""
        s = self.state.take([0])
        s.ap[0, self.p(pid)] = self.ap_left(pid)
        return s

    def action_menu(self, pid: str) -> list[KindEntry]:
        from game.engine.actions import KINDS, Action, candidates
        s = self._budget_state(pid)
        legal = self.g.legal_actions(s, 0, pid)
        by_kind: dict[str, list] = {}
        for a in legal:
            by_kind.setdefault(a.kind, []).append(a)
        out = []
        actor = self.p(pid)
        for kind, spec in KINDS.items():
            if kind == "pass":
                continue
            acts = by_kind.get(kind, [])
            reason = None
            if not acts:
                first = candidates(self.g, kind, actor)
                probe = first[0] if first else Action(kind, actor)
                reason = self.g.why_illegal(s, 0, probe) or "Not possible now."
            cost = min((a.cost for a in acts), default=float(spec[3]))
            out.append(KindEntry(kind, spec[4], cost, tuple(acts), reason))
        return out

    def plan(self, pid: str, action) -> str | None:
        """Queue an action for this turn; returns the engine's reason if it cannot be taken."""
        why = self.g.why_illegal(self._budget_state(pid), 0, action)
        if why is None:
            self.planned[pid].append(action)
        return why

    def unplan(self, pid: str, index: int) -> None:
        if 0 <= index < len(self.planned[pid]):
            self.planned[pid].pop(index)

    def pending_choices(self, pid: str | None = None) -> list:
        """Events about to fire whose choice belongs to a human player (decider)."""
        out = []
        for e in self.g.pending_events(self.state, 0):
            ev = self.scenario.events[e]
            if ev.choices and ev.decider in self.players and (pid is None or ev.decider == pid):
                out.append(ev)
        return out

    def choose(self, event_id: str, choice_id: str) -> None:
        self.choices[event_id] = choice_id

    # ---------------------------------------------------------------- the turn
    def end_turn(self) -> list[dict]:
        """Resolve the turn: rivals' moves from the computer, the players' from their plans.
        Returns the new log records."""
        if self.over:
            return []
        skip = tuple(self.p(pid) for pid in self.players)
        mine = [a.row() for pid in self.players for a in self.planned[pid]]
        prior = np.asarray(mine, dtype=np.int64).reshape(1, -1, 5)

        def decide(view):
            rest = self.ai.moves(view, skip=skip, prior=prior if len(mine) else None)
            return np.concatenate([prior, np.asarray(rest, dtype=np.int64)], axis=1)

        start = len(self.records)
        self._step(decide, dict(self.choices))
        self.planned = {p: [] for p in self.players}
        self.choices = {}
        return self.records[start:]

    def _step(self, decide, choices: dict) -> None:
        """One turn through the engine; the players decide after the month's events, as the
        computer rivals do (game.ai.play)."""
        from game.ai import play
        from game.engine import turn as engine_turn
        if getattr(engine_turn, "MOVES_AFTER_EVENTS", False):
            self.g.step(self.state, decide, choices=choices, log=self.log, chooser=self.ai.choose)
        else:
            view = play.preview(self.g, self.state, self.ai.choose)
            self.g.step(self.state, decide(view), choices=choices, log=self.log, chooser=self.ai.choose)
        self.history.append((self.date, self.state.ind[0].copy()))

    def autoplay_turn(self) -> list[dict]:
        """The computer plays every seat for one turn (demonstrations, screenshots, tests)."""
        if self.over:
            return []
        start = len(self.records)
        self._step(lambda view: self.ai.moves(view), {})
        return self.records[start:]

    def unseen(self) -> list[dict]:
        out = self.records[self.seen:]
        self.seen = len(self.records)
        return out
