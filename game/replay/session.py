"""One game as the interface and the command line play it: a batch of one, with its log, its
charts, its saves and its computer rivals.

    s = Session.new("campaign", seed=7, humans={"stalin"})
    s.pending_events()                     # what fires this turn, and who decides
    s.legal_actions("stalin")              # Actions with cost and label
    s.play_turn({"stalin": [a1, a2]}, {"lenin_testament": "suppress"})
    s.save("my_game")                      # into the saves folder (or give a path)
    s = Session.load(path)

Every turn is recorded as ids (all leaders' moves, the event choices, forced chance), so a save
replays to the same state, log and charts; see ``saves`` for the file and ``moves`` for a turn.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterable, Mapping, Optional

import numpy as np

from ..content.schema import Scenario
from ..engine.actions import Action
from ..engine.events import decider_of
from ..engine.game import Game
from ..engine.log import Log
from ..engine.state import State
from . import files, saves, snapshot, stepper
from .moves import TurnRecord, choice_index, ids_to_row, moves_array, moves_to_ids
from .saves import SaveError
from .scenario_ref import ScenarioMissing, make_ref, resolve_ref
from .versions import same_arithmetic
from .views import PendingEvent, chart_row, leaders, pending_events

# (game, difficulty) -> an object with .moves(view, skip=(), prior=rows) -> [B, S, 5] and
# .choose(g, state, event, mask) -> [B], like game.ai.rivals.Rivals
PolicyFactory = Callable[[Game, str], object]


def default_policy(g: Game, difficulty: str = "normal"):
    """The computer rivals at that difficulty (easy, normal, hard)."""
    from ..ai.rivals import Rivals
    return Rivals(g, difficulty)


class GameOver(RuntimeError):
    """``play_turn`` after the game has ended."""


def as_scenario(scenario: Scenario | str | os.PathLike, overrides=None) -> Scenario:
    """A scenario object from a scenario, a name (``campaign``) or a path."""
    from ..content.loader import apply_overrides, load_scenario
    sc = scenario if isinstance(scenario, Scenario) else load_scenario(scenario)
    return apply_overrides(sc, overrides) if overrides else sc


class Session:
    """A game in progress (or finished). Build with ``new``, ``load`` or ``from_replay``."""

    def __init__(self, scenario: Scenario, seed: int = 1, humans: Iterable[str] = (),
                 difficulty: str = "normal", *, overrides: Optional[dict] = None,
                 policy: Optional[PolicyFactory] = None, autosave: bool = False,
                 autosave_dir: Optional[str | os.PathLike] = None,
                 game: Optional[Game] = None):
        self.scenario = scenario
        self.game = game if game is not None else Game(scenario)
        self.overrides = dict(overrides) if overrides else None
        self.seed = int(seed)
        self.humans = self._seats(humans)
        self.difficulty = str(difficulty)
        self.origin: dict = {"kind": "campaign"}
        self.autosave = autosave
        self.autosave_dir = Path(autosave_dir) if autosave_dir is not None else None
        self.warnings: list[str] = []
        self.turns: list[TurnRecord] = []
        self.state: State = self.game.new_state([self.seed])
        self._log: Optional[Log] = Log(self.game, 1)
        self._history: Optional[list[dict]] = [chart_row(self.game, self.state, 0)]
        self._policy_factory = policy or default_policy
        self._policy = None
        self._ref: Optional[dict] = None
        self._view: Optional[tuple] = None

    # ------------------------------------------------------------------ making one
    @classmethod
    def new(cls, scenario: Scenario | str | os.PathLike, seed: int = 1,
            humans: Iterable[str] = ("stalin",), difficulty: str = "normal", *,
            overrides: Optional[dict] = None, policy: Optional[PolicyFactory] = None,
            autosave: bool = True, autosave_dir=None) -> "Session":
        """A new campaign: ``humans`` are the leaders played at this computer (two for hot
        seat, none to watch the computer play); the computer plays the others."""
        return cls(as_scenario(scenario, overrides), seed, humans, difficulty,
                   overrides=overrides, policy=policy, autosave=autosave,
                   autosave_dir=autosave_dir)

    @classmethod
    def from_replay(cls, scenario: Scenario | str | os.PathLike, until_turn=None,
                    humans: Iterable[str] = ("stalin",), seed: int = 1,
                    difficulty: str = "normal", *, policy: Optional[PolicyFactory] = None,
                    autosave: bool = True, autosave_dir=None,
                    game: Optional[Game] = None) -> "Session":
        """The historical replay up to ``until_turn`` (a turn number, or a date "YYYY-MM": the
        turns before it are history; None: the whole script), then an ordinary campaign."""
        from .script import compile_script, takeover_turn
        sc = as_scenario(scenario)
        s = cls(sc, seed, humans, difficulty, policy=policy, autosave=autosave,
                autosave_dir=autosave_dir, game=game)
        plan = compile_script(s.game)
        n = len(plan) if until_turn is None else takeover_turn(s.game, until_turn)
        for step in plan[:n]:
            if s.over:
                break
            s.play_script_turn(step)
        s.origin = {"kind": "replay", "until": len(s.turns)}
        return s

    def _seats(self, humans) -> tuple[str, ...]:
        if isinstance(humans, str):
            humans = (humans,)
        elif isinstance(humans, Mapping):
            humans = [p for p, who in humans.items() if who]
        seats = tuple(sorted(set(humans)))
        playable = leaders(self.game)
        for p in seats:
            if p not in playable:
                raise ValueError(f"{p!r} is not a leader who can be played "
                                 f"(leaders: {', '.join(playable)})")
        return seats

    # ------------------------------------------------------------------ reading
    @property
    def over(self) -> bool:
        return bool(self.state.over[0])

    @property
    def turn(self) -> int:
        return int(self.state.turn)

    @property
    def date(self) -> str:
        return self.game.date(self.turn)

    @property
    def log(self) -> Log:
        """What happened, batch of one (``log.records[0]``)."""
        if self._log is None:
            self._rebuild()
        return self._log

    @property
    def history(self) -> list[dict]:
        """The charts' numbers: one row at the start and one after each turn (``chart_row``)."""
        if self._history is None:
            self._rebuild()
        return self._history

    @property
    def records(self) -> list[dict]:
        return self.log.records[0]

    def computer_leaders(self) -> tuple[str, ...]:
        return tuple(p for p in leaders(self.game) if p not in self.humans)

    def pending_events(self) -> list[PendingEvent]:
        return pending_events(self.game, self.state, self.humans)

    def legal_actions(self, person: str, human_choices: Optional[Mapping] = None) \
            -> list[Action]:
        """What ``person`` may do this turn, judged after the turn's events (see ``view``)."""
        return self.game.legal_actions(self.view(human_choices), 0, person)

    def why_illegal(self, action: Action, human_choices: Optional[Mapping] = None) \
            -> Optional[str]:
        return self.game.why_illegal(self.view(human_choices), 0, action)

    def action(self, actor: str, kind: str, target=None, arg=None, arg2=None) -> Action:
        return self.game.action(actor, kind, target, arg, arg2)

    def outcome(self) -> dict:
        return self.game.outcome(self.state, 0)

    # ------------------------------------------------------------------ playing
    def play_turn(self, human_moves=None, human_choices: Optional[Mapping] = None) -> list[dict]:
        """Resolve this turn: the people's moves (a list of Actions, or {person: [Actions]}),
        their choices at the events they decide ({event id: choice id}); the computer plays
        every other leader (after seeing the turn's events) and decides the other events.
        Returns the turn's log records."""
        if self.over:
            raise GameOver("The game is over.")
        g = self.game
        rows = self._human_rows(human_moves)
        given = self._human_given(human_choices)
        computer = self.computer_leaders()
        policy = self.policy() if computer or self._has_computer_events() else None
        skip = tuple(g.pidx[p] for p in self.humans)

        def decide(view: State) -> np.ndarray:
            if not computer:
                return rows
            rest = np.asarray(policy.moves(view, skip=skip, prior=rows), dtype=np.int64)
            return np.concatenate([rows, rest], axis=1)
        records = self._advance(decide, policy.choose if policy is not None else None, given,
                                {}, [])
        self._autosave()
        return records

    def view(self, human_choices: Optional[Mapping] = None) -> State:
        """The state as the players see it this turn, once its events have fired (with the
        people's choices at the events they decide)."""
        key = (len(self.turns), tuple(sorted((human_choices or {}).items())))
        if self._view is None or self._view[0] != key:
            policy = self.policy() if self._has_computer_events() else None
            self._view = (key, stepper.preview(self.game, self.state,
                                               policy.choose if policy else None,
                                               self._human_given(human_choices)))
        return self._view[1]

    def policy(self):
        if self._policy is None:
            self._policy = self._policy_factory(self.game, self.difficulty)
        return self._policy

    def _has_computer_events(self) -> bool:
        return any(e.choices and decider_of(self.game, self.state, e) not in self.humans
                   for e in self.scenario.events)

    def _human_rows(self, human_moves) -> np.ndarray:
        if human_moves is None:
            flat = []
        elif isinstance(human_moves, Mapping):
            flat = [a for acts in human_moves.values() for a in acts]
        else:
            flat = list(human_moves)
        g = self.game
        out = np.full((1, len(flat), 5), -1, dtype=np.int64)
        for j, a in enumerate(flat):
            row = a.row() if isinstance(a, Action) else ids_to_row(g, a)
            actor = g.person_ids[row[1]] if 0 <= row[1] < g.P else str(row[1])
            if actor not in self.humans:
                raise ValueError(f"{g.names.get(actor, actor)} is played by the computer, "
                                 "not at this seat")
            out[0, j] = row
        return out

    def _human_given(self, human_choices: Optional[Mapping]) -> dict[int, int]:
        g, given = self.game, {}
        for event_id, choice in (human_choices or {}).items():
            if event_id not in g.eidx:
                raise ValueError(f"there is no event {event_id!r} in this scenario")
            if decider_of(g, self.state, g.scenario.events[g.eidx[event_id]]) in self.humans:
                given[g.eidx[event_id]] = choice_index(g, event_id, choice)
        return given

    def _advance(self, moves: stepper.Moves, chooser, given: dict[int, int], forced: dict,
                 notes: list[dict]) -> list[dict]:
        """Resolve one turn and record it: the one path for play, replay and script."""
        g, s, log = self.game, self.state, self.log
        n0, turn = len(log.records[0]), self.turn
        for note in notes:
            persons = [note["actor"]] if note.get("actor") in g.pidx else []
            extra = {k: v for k, v in note.items() if k not in ("text",)}
            log.add(0, s, "history", persons, note["text"], **extra)
        rows, picked = stepper.resolve(g, s, moves, chooser, given, forced, log)
        self._view = None
        self.turns.append(TurnRecord(turn, g.date(turn), moves_to_ids(g, rows), picked,
                                     dict(forced), list(notes)))
        self.history.append(chart_row(g, s, len(self.turns)))
        return log.records[0][n0:]

    def replay_turn(self, rec: TurnRecord) -> list[dict]:
        """Play a recorded turn again exactly (moves, choices, forced chance, commentary)."""
        g = self.game
        given = {g.eidx[e]: choice_index(g, e, c) for e, c in rec.choices.items()}
        return self._advance(moves_array(g, rec.moves), None, given, dict(rec.forced),
                             list(rec.notes))

    def play_script_turn(self, step) -> list[dict]:
        """Play one turn of the historical script (a ``script.ScriptTurn``)."""
        if self.over:
            raise GameOver("The game is over.")
        g = self.game
        given = {g.eidx[e]: choice_index(g, e, c) for e, c in step.choices.items()}
        return self._advance(moves_array(g, step.moves), None, given, dict(step.forced),
                             list(step.notes))

    # ------------------------------------------------------------------ saving
    def to_document(self) -> dict:
        if self._ref is None:
            self._ref = make_ref(self.scenario, self.overrides)
        return {**saves.header(), "scenario": self._ref, "seed": self.seed,
                "seats": {"humans": list(self.humans), "difficulty": self.difficulty},
                "origin": self.origin, "turn": self.turn, "date": self.date, "over": self.over,
                "turns": [t.to_json() for t in self.turns],
                "snapshot": snapshot.encode(self.state)}

    def to_bytes(self) -> bytes:
        return saves.encode_document(self.to_document())

    def save(self, path: str | os.PathLike) -> Path:
        """Save atomically (the previous file is kept as ``.bak``). A bare name goes into the
        saves folder, with ``.json`` added."""
        p = Path(path)
        if p.parent == Path(".") and not str(path).startswith("."):
            p = files.saves_dir() / (p.name if p.suffix == files.SUFFIX else p.name + files.SUFFIX)
        return files.atomic_write(p, self.to_bytes())

    def _autosave(self) -> None:
        if not self.autosave:
            return
        try:
            files.write_autosave(self.to_bytes(), self.autosave_dir)
        except OSError as err:
            self.warnings.append(f"The game could not be autosaved ({err.strerror or err}); "
                                 "it goes on, but save it yourself soon.")

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, path: str | os.PathLike, *, policy: Optional[PolicyFactory] = None,
             autosave: bool = True, autosave_dir=None, trust_snapshot: bool = False,
             strict: bool = False) -> "Session":
        """A saved game. The moves are replayed and the result checked against the stored
        state; with ``trust_snapshot`` the stored state is used at once when this game wrote
        it (same format, rules and NumPy), and the log is rebuilt when first read. If the
        replay and the stored state disagree the stored state wins, with a warning in
        ``session.warnings`` (``strict``: SaveError). Only SaveError leaves this method."""
        doc = saves.read_document(path)
        name = Path(path).name
        try:
            return cls._from_document(doc, name, policy, autosave, autosave_dir,
                                      trust_snapshot, strict)
        except SaveError as err:
            err.path = str(path)
            raise
        except ScenarioMissing as err:
            raise SaveError(f"“{name}” cannot be loaded: {err}.", path) from None
        except Exception as err:   # noqa: BLE001 — the contract: only SaveError escapes
            raise SaveError(f"“{name}” could not be replayed by this version of the game "
                            f"({err}).", path) from err

    @classmethod
    def _from_document(cls, doc, name, policy, autosave, autosave_dir, trust_snapshot,
                       strict) -> "Session":
        scenario = resolve_ref(doc["scenario"])
        ref = doc["scenario"]
        s = cls(scenario, doc["seed"], doc["seats"]["humans"],
                doc["seats"].get("difficulty", "normal"), overrides=ref.get("overrides"),
                policy=policy, autosave=autosave, autosave_dir=autosave_dir)
        s._ref = ref
        s.origin = dict(doc.get("origin") or {"kind": "campaign"})
        records = [TurnRecord.from_json(t) for t in doc["turns"]]
        stored = cls._stored_state(doc, s)
        if trust_snapshot and stored is not None and same_arithmetic(doc):
            s.state, s.turns, s._log, s._history = stored, records, None, None
            return s
        for rec in records:
            s.replay_turn(rec)
        s.turns = records
        if stored is not None:
            s._reconcile(stored, name, strict)
        return s

    @staticmethod
    def _stored_state(doc: dict, s: "Session") -> Optional[State]:
        if doc.get("snapshot") is None:
            return None
        try:
            return snapshot.decode(doc["snapshot"])
        except snapshot.SnapshotError:
            if doc.get("format_version") == saves.FORMAT_VERSION:
                s.warnings.append("The stored position could not be read; the game was rebuilt "
                                  "from its moves.")
            return None

    def _reconcile(self, stored: State, name: str, strict: bool) -> None:
        diff = snapshot.differences(self.state, stored)
        if not diff:
            return
        message = (f"Replaying “{name}” did not reach the position it recorded (it differs in "
                   f"{', '.join(diff[:4])}); the game was probably saved by other rules.")
        if strict:
            raise SaveError(message)
        self.warnings.append(message + " The saved position is used; the log before it may "
                                       "not match.")
        self.state = stored

    def _rebuild(self) -> None:
        """The log and charts of a game loaded from its stored state, by replaying its moves."""
        twin = Session(self.scenario, self.seed, self.humans, self.difficulty, game=self.game)
        for rec in self.turns:
            twin.replay_turn(rec)
        if snapshot.differences(twin.state, self.state):
            self.warnings.append("The log was rebuilt from the moves but does not lead exactly "
                                 "to the saved position.")
        self._log, self._history = twin._log, twin._history

    @classmethod
    def load_autosave(cls, folder=None, **kwargs) -> "Session":
        """The newest autosave that loads (falling back to older ones and their backups)."""
        problems = []
        for p in files.autosave_paths(Path(folder) if folder is not None else None):
            try:
                session = cls.load(p, **kwargs)
            except SaveError as err:
                problems.append(err.message)
                continue
            session.warnings.extend(problems)
            return session
        raise SaveError("There is no autosave that can be loaded."
                        + (" " + problems[0] if problems else ""))
