"""The game being played, as the interface sees it.

Underneath is ``game.replay.session.Session`` (here called the *core*): it resolves turns through
the engine's verbs, plays the computer rivals, records every turn, autosaves, saves, loads and
feeds the debrief. This module adds only what the screens need on top: the human players'
planned moves and event choices for the turn being prepared, names and shortcuts for drawing,
and the charts' numbers in the shape the panels read. It computes no rule itself.

``Moment`` is a read-only view of one moment of a game (a replay's month): the same reading
methods over a stored state, so the vote, sitting and event views can show it.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

import numpy as np

from game.replay.views import surname


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
    "hard": "Rivals play their best and gang up on you.",
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


class ScenarioCache:
    """Scenarios by id, each read the first time it is asked for; a broken file is kept as
    None with its message in ``error`` (shown on the screen, never a crash)."""

    def __init__(self, paths: dict[str, str]):
        self.paths = paths
        self.loaded: dict[str, object] = {}
        self.error = ""

    def get(self, sid: str | None):
        if sid is None:
            return None
        if sid not in self.loaded:
            try:
                self.loaded[sid] = load(self.paths.get(sid, sid))
                self.error = ""
            except Exception as exc:          # noqa: BLE001 — any broken file is shown
                self.loaded[sid] = None
                self.error = str(exc)
        return self.loaded[sid]


def scenarios() -> list:
    """The scenarios folder's listings (``game.content.loader.Listing``)."""
    from game.content.loader import list_scenarios
    return list_scenarios()


def new_seed() -> int:
    """A fresh seed for a new game (it is recorded in the save, so the game can be replayed)."""
    return random.SystemRandom().randrange(1, 2 ** 31)


class Reading:
    """Reading one game (batch of one): ``g``, ``scenario`` and ``state`` are set by subclasses."""
    players: list[str] = []

    def p(self, pid: str) -> int:
        return self.g.pidx[pid]

    def name(self, pid: str | None) -> str:
        return self.g.names.get(pid, pid or "—") if pid else "—"

    def short(self, pid: str | None) -> str:
        """The surname alone, for tables and captions."""
        return surname(self.name(pid))

    def person(self, pid: str):
        return self.scenario.persons[self.p(pid)]

    def role(self, pid: str):
        return next((r for r in self.scenario.sides() if r.person == pid), None)

    def posts_of(self, pid: str) -> list[str]:
        i = self.p(pid)
        return [self.scenario.posts[k].name for k in np.flatnonzero(self.state.holder[0] == i)]

    def indicator(self, name: str) -> float:
        from game.engine.state import IND
        return float(self.state.ind[0, IND[name]])

    def out_of_play(self, pid: str) -> tuple[str, str] | None:
        """How ``pid`` left the game for good, and the month: ("died", "1924-01") or ("was
        expelled from the party", "1927-08"); None while he can still act (the engine refuses
        every action of a dead or expelled man, and nothing brings the dead back)."""
        s, i = self.state, self.p(pid)
        if not s.alive[0, i]:
            died = next((r["date"] for r in self.records if r.get("kind") == "death"
                         and pid in r.get("persons", ())), None)
            return "died", died or self.g.date(0)      # no record: dead before the game began
        if s.expelled[0, i]:
            t = int(s.expelled_turn[0, i])
            return "was expelled from the party", self.g.date(max(t, 0))
        return None

    def defeat(self, pid: str) -> tuple[str, str] | None:
        """How ``pid``'s side lost before the end, if it has: (the lose aim met, in the
        scenario's words, and the month), as ``game.replay.ending.defeat`` reads the log."""
        from game.replay.ending import defeat
        return defeat(self.g, self.records, pid)

    def lost_in_play(self, pid: str) -> tuple[str, str] | None:
        """(the lose aim, the month) when ``pid``'s side has lost the game while he can still
        act: one of his role's ``lose`` aims held at the end of a month (``Dropped from the
        Central Committee``: the engine sets ``lost`` then, and never clears it), and he is
        neither dead nor expelled and the game goes on. His moves still count; his result no
        longer can."""
        if self.over or pid not in self.g.role_ids or self.out_of_play(pid) is not None:
            return None
        if not self.state.lost[0, self.g.role_ids.index(pid)]:
            return None
        return self.defeat(pid) or ("", self.date)

    def leader_ids(self) -> list[str]:
        return [p for p, lead in zip(self.g.person_ids, self.g.leaders) if lead]

    def choose(self, event_id: str, choice_id: str) -> None:
        """Only the game being played takes choices; a moment of a replay ignores them."""


def chart_labels(rows: list[dict]) -> list[str]:
    """The x labels of the charts: "start" for the position before any turn, then the month each
    row follows (game.replay.views.chart_row dates the first two rows alike)."""
    return ["start"] + [r["date"] for r in rows[1:]]


def history_rows(rows: list[dict]) -> list[tuple[str, np.ndarray]]:
    """The core's chart rows as (label, indicators in game.engine.state.INDICATORS order)."""
    from game.engine.state import INDICATORS
    return [(label, np.array([r["indicators"][k] for k in INDICATORS], dtype=float))
            for label, r in zip(chart_labels(rows), rows)]


class Session(Reading):
    """The game at this computer: the core plus this turn's plans of the human players."""

    def __init__(self, core, players=None, mode: str | None = None):
        self.core = core
        self.scenario = core.scenario
        self.g = core.game
        players = list(players) if players else list(core.humans)
        if sorted(players) != sorted(core.humans):
            raise ValueError("the players must be the core's human seats")
        self.players = players
        if mode is None:
            origin = (core.origin or {}).get("kind")
            mode = "replay" if origin == "replay" else ("hotseat" if len(players) > 1 else "campaign")
        self.mode = mode
        self.difficulty = core.difficulty
        self.seed = core.seed
        self.planned: dict[str, list] = {p: [] for p in self.players}
        self.choices: dict[str, str] = {}
        self.playing_on: set[str] = set()      # players whose side lost who chose to play on
        self._rows: tuple[int, list] = (-1, [])
        self._warned = len(core.warnings)

    # ---------------------------------------------------------------- making one
    @classmethod
    def new(cls, scenario, players, difficulty: str = "normal", seed: int | None = None,
            mode: str = "campaign", autosave: bool = True) -> "Session":
        from game.replay.session import Session as Core
        core = Core(scenario, new_seed() if seed is None else seed, players, difficulty,
                    autosave=autosave)
        return cls(core, players, mode)

    @classmethod
    def load(cls, path) -> "Session":
        """A saved game (raises game.replay.saves.SaveError with a sentence to show)."""
        from game.replay.saves import SaveError
        from game.replay.session import Session as Core
        core = Core.load(path, trust_snapshot=True)
        if not core.humans:
            raise SaveError("This save has no seat for a player: the computer played every leader. "
                            "Watch it in the historical replay instead.", path)
        return cls(core)

    @classmethod
    def load_autosave(cls) -> "Session":
        from game.replay.session import Session as Core
        core = Core.load_autosave(trust_snapshot=True)
        return cls(core)

    @classmethod
    def take_over(cls, scenario, turns: int, pid: str, seed: int, difficulty: str = "normal",
                  game=None) -> "Session":
        """History plays ``turns`` turns, then ``pid`` is played at this computer."""
        from game.replay.session import Session as Core
        core = Core.from_replay(scenario, until_turn=turns, humans=(pid,), seed=seed,
                                difficulty=difficulty, game=game)
        return cls(core, [pid], "replay")

    # ---------------------------------------------------------------- reading
    @property
    def state(self):
        return self.core.state

    @property
    def log(self):
        return self.core.log

    @property
    def records(self) -> list[dict]:
        return self.core.records

    @property
    def date(self) -> str:
        return self.g.date(self.core.turn)

    @property
    def turn(self) -> int:
        return self.core.turn

    @property
    def over(self) -> bool:
        return self.core.over

    @property
    def history(self) -> list[tuple[str, np.ndarray]]:
        rows = self.core.history
        if self._rows[0] != len(rows):
            self._rows = (len(rows), history_rows(rows))
        return self._rows[1]

    def series(self, name: str) -> list[float]:
        return [float(r["indicators"][name]) for r in self.core.history]

    def outcome(self) -> dict:
        return self.core.outcome()

    def new_warnings(self) -> list[str]:
        """Messages from the core (a failed autosave, a save rebuilt) not yet shown."""
        out = self.core.warnings[self._warned:]
        self._warned = len(self.core.warnings)
        return list(out)

    def sits_out(self, pid: str) -> bool:
        """``pid`` plays no more at this computer: dead or expelled, or his side has lost while
        he can still act and he has not chosen to play on (``lost_in_play``)."""
        return self.out_of_play(pid) is not None or (
            pid not in self.playing_on and self.lost_in_play(pid) is not None)

    # ---------------------------------------------------------------- planning
    def view(self):
        """The state as the players see it this turn: after its events, with their choices."""
        return self.core.view(self.choices)

    def ap_total(self, pid: str) -> float:
        return float(self.view().ap[0, self.p(pid)])

    def ap_left(self, pid: str) -> float:
        spent = sum(a.cost for a in self.planned.get(pid, []))
        return self.ap_total(pid) - spent

    def _budget_state(self, pid: str):
        """A copy of this turn's view with the planned costs already spent (for the engine's
        own action-point check)."""
        s = self.view().take([0])
        s.ap[0, self.p(pid)] = self.ap_left(pid)
        return s

    def action_menu(self, pid: str) -> list[KindEntry]:
        from game.engine.actions import KINDS
        from game.engine.refusals import kind_refusal
        s = self._budget_state(pid)
        by_kind: dict[str, list] = {}
        for a in self.g.legal_actions(s, 0, pid):
            by_kind.setdefault(a.kind, []).append(a)
        out, actor = [], self.p(pid)
        for kind, spec in KINDS.items():
            if kind == "pass":
                continue
            acts = by_kind.get(kind, [])
            reason = None
            if not acts:
                reason = kind_refusal(self.g, s, kind, actor) or "Not possible now."
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
        """Events about to fire whose choice belongs to a human player (their decider)."""
        out = []
        for pe in self.core.pending_events():
            if pe.human and (pid is None or pe.decider == pid):
                out.append(self.scenario.events[self.g.eidx[pe.id]])
        return out

    def choose(self, event_id: str, choice_id: str) -> None:
        self.choices[event_id] = choice_id

    # ---------------------------------------------------------------- the turn
    def end_turn(self) -> list[dict]:
        """Resolve the turn (the core autosaves it); returns the new log records."""
        if self.over:
            return []
        moves = {p: list(self.planned[p]) for p in self.players}
        records = self.core.play_turn(moves, dict(self.choices))
        self.planned = {p: [] for p in self.players}
        self.choices = {}
        return records

    def autoplay_turn(self) -> list[dict]:
        """The computer plays the human seats too, for one turn (demonstrations, tests)."""
        if self.over:
            return []
        from game.replay.moves import row_to_ids
        g = self.g
        others = tuple(g.pidx[p] for p in self.core.computer_leaders())
        rows = np.asarray(self.core.policy().moves(self.view(), skip=others), dtype=np.int64)
        moves = [row_to_ids(g, r) for r in rows[0] if r[0] >= 0 and g.person_ids[int(r[1])] in self.players]
        self.planned = {p: [] for p in self.players}
        self.choices = {}
        return self.core.play_turn(moves)

    # ---------------------------------------------------------------- files
    def save(self, name: str):
        """Save under a plain name in the saves folder (or a path); returns the file's path."""
        return self.core.save(name)

    def debrief(self):
        from game.replay.debrief import build_debrief
        return build_debrief(self.core)


class Moment(Reading):
    """One moment of a game that is only watched (a replay's month): read-only."""

    def __init__(self, g, state, records: list[dict], history: list[dict], date: str, turn: int):
        self.g = g
        self.scenario = g.scenario
        self.state = state
        self.records = records
        self.players = []
        self.date = date
        self.turn = turn
        self.over = bool(state.over[0])
        self.history = history_rows(history)
        self.planned: dict = {}
        self.choices: dict = {}
