"""The historical replay as the viewer moves through it: the scenario's script fed to the engine
turn by turn (game.replay), each month kept once it has been played, so stepping back or
jumping to any month already seen is instant and going forward plays only what is new.

Position ``p`` is "after ``p`` months of history": 0 is the opening, ``p`` shows what happened
in month ``p - 1`` (``g.date(p - 1)``). Taking over at ``p`` lets history play those ``p``
months and hands the player the next one.

``RunModel`` is the same for one run of the what-if lab: the computer plays every leader (the
lone game with the run's seed is the run, move for move), and taking over keeps the months the
computer played and hands the player the next one.
"""
from __future__ import annotations

from dataclasses import dataclass

from game.ui.session import Moment


@dataclass(frozen=True)
class Month:
    state: object              # the state after this position (a copy)
    records: tuple[dict, ...]  # what happened in the month just played
    chart: dict                # the charts' row (game.replay.views.chart_row)


class ReplayModel:
    # what the replay screen calls what it shows
    heading = "Historical replay"
    playing = "Playing history…"
    played_by = "History"
    hint = ("Step forward (Right, or Play) to watch history month by month; the timeline below jumps to any "
            "month. Take over at any month to play on as any leader.")
    quiet = "A quiet month: history records nothing here."
    waiting = "Playing history to this month…"
    scripted = True          # it shows the scenario's script (a scenario without one has nothing to show)
    label = ""               # what the header says it is, when not the scenario's title

    def __init__(self, scenario, seed: int = 1):
        from game.replay.script import compile_script
        from game.replay.session import Session as Core, as_scenario
        self.scenario_ref = scenario
        self._begin(Core(as_scenario(scenario), seed, (), autosave=False), seed)
        self.plan = compile_script(self.g)

    def _begin(self, core, seed: int) -> None:
        """The game before its first month: the opening position."""
        self.core = core
        self.g = core.game
        self.seed = seed
        self.months = [Month(core.state.copy(), (), core.history[-1])]
        self.charts = [core.history[-1]]

    # ---------------------------------------------------------------- size
    @property
    def length(self) -> int:
        """The last position: every month of the script (fewer if the game ended early)."""
        if self.core.over:
            return len(self.months) - 1
        return len(self.plan)

    @property
    def played(self) -> int:
        return len(self.months) - 1

    def date(self, p: int) -> str:
        """The month position ``p`` shows (the opening shows the first month)."""
        return self.g.date(max(0, p - 1))

    def next_date(self, p: int) -> str:
        """The first month a player taking over at ``p`` would play."""
        return self.g.date(min(p, self.g.n_turns - 1))

    # ---------------------------------------------------------------- playing history
    def advance(self) -> bool:
        """Play the next month; False at the end."""
        if self.core.over or self.played >= len(self.plan):
            return False
        recs = self._play_month()
        self.months.append(Month(self.core.state.copy(), tuple(recs), self.core.history[-1]))
        self.charts.append(self.core.history[-1])
        return True

    def _play_month(self) -> list[dict]:
        """The next month of history: the script's moves."""
        return self.core.play_script_turn(self.plan[self.played])

    def ensure(self, p: int) -> int:
        """Play up to position ``p`` (as far as history goes); returns the position reached."""
        while self.played < p and self.advance():
            pass
        return min(p, self.played)

    # ---------------------------------------------------------------- reading
    def month(self, p: int) -> Month:
        return self.months[max(0, min(p, self.played))]

    def moment(self, p: int) -> Moment:
        p = max(0, min(p, self.played))
        m = self.months[p]
        return Moment(self.g, m.state, list(m.records), self.charts[:p + 1], self.date(p), p)

    def notes_at(self, p: int) -> list[dict]:
        """The script's commentary for the month position ``p`` shows (known before it is played)."""
        if p <= 0 or p > len(self.plan):
            return []
        return list(self.plan[p - 1].notes)

    def marks(self) -> list[int]:
        """For each month of the script: 2 a vote or an event has been seen there, 1 the script
        has a note for it, 0 nothing known."""
        out = []
        for t in range(len(self.plan)):
            recs = self.months[t + 1].records if t + 1 < len(self.months) else ()
            if any(r.get("kind") in ("vote", "sitting") or r.get("event") for r in recs):
                out.append(2)
            else:
                out.append(1 if self.plan[t].notes else 0)
        return out

    def can_take_over(self, p: int) -> bool:
        return 0 <= p <= self.played and p < self.g.n_turns and not bool(self.months[p].state.over[0])

    def take_over(self, pos: int, pid: str, difficulty: str):
        """A game in which history played ``pos`` months and ``pid`` is the player's from
        there (the interface's Session)."""
        from game.ui.session import Session
        return Session.take_over(self.g.scenario, pos, pid, self.seed, difficulty, game=self.g)

    def roles(self) -> list[str]:
        sc = self.g.scenario
        leaders = set(self.core.computer_leaders())
        return [r.person for r in sc.sides() if r.person in leaders]


@dataclass(frozen=True)
class _Unscripted:
    """A month of a run: the computer's, with no commentary."""
    notes: tuple = ()


class RunModel(ReplayModel):
    """One run of the what-if lab watched month by month: its scenario (with the lab's
    overrides), seed and the rivals' level, every leader played by the computer."""
    heading = "A lab run, watched"
    playing = "The computer plays…"
    played_by = "The computer"
    hint = ("One game of the lab's, every leader played by the computer, the same game move for move. Step "
            "forward (Right, or Play) to watch it month by month, and take over at any month to play on as any "
            "leader.")
    quiet = "A quiet month: nothing of note in this game."
    waiting = "The computer is playing to this month…"
    scripted = False

    def __init__(self, scenario, seed: int, overrides: dict | None = None, difficulty: str | None = None,
                 label: str = ""):
        from game.replay.session import Session as Core
        self.scenario_ref = scenario
        self.overrides = dict(overrides or {})
        self.difficulty = difficulty or "normal"
        self.label = label
        self._begin(Core.new(scenario, seed, humans=(), difficulty=self.difficulty,
                             overrides=self.overrides or None, autosave=False), seed)
        self.plan = [_Unscripted()] * self.g.n_turns

    def _play_month(self) -> list[dict]:
        """The next month: the computer plays every leader."""
        return self.core.play_turn()

    def take_over(self, pos: int, pid: str, difficulty: str):
        """The run's first ``pos`` months as the computer played them (its moves and choices,
        replayed), then ``pid`` is the player's; the others play at ``difficulty``."""
        from game.replay.session import Session as Core
        from game.ui.session import Session
        self.ensure(pos)
        core = Core(self.core.scenario, self.seed, (pid,), difficulty, overrides=self.overrides or None,
                    autosave=True, game=self.g)
        for rec in self.core.turns[:pos]:
            core.replay_turn(rec)
        core.origin = {"kind": "lab_run", "until": pos}
        return Session(core, [pid], "campaign")
