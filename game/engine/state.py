"""The moving part of a game: NumPy arrays with a leading batch axis.

A played game is a batch of one; the what-if lab is a batch of thousands. Every array's first
axis is the game index ``b``. The calendar is shared: all games of a batch move in lockstep, so
``turn`` is a plain integer. Nothing here knows rules; see ``game.engine.rules`` for those.
"""
from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

# Bodies a person can sit on (axis 2 of State.member).
BODIES = ("politburo", "politburo_candidate", "central_committee", "secretariat", "orgburo",
          "control_commission")
BODY = {name: i for i, name in enumerate(BODIES)}

# Indicators in State.ind, in this order (names match schema.Indicators and the expression grammar).
INDICATORS = ("industrial_prices", "agricultural_prices", "industrial_output", "grain_marketed",
              "grain_procured", "unemployment", "strikes", "peasant_mood", "kulaks", "nepmen",
              "bureaucracy", "world_revolution", "isolation", "harvest")
IND = {name: i for i, name in enumerate(INDICATORS)}

# Party membership cohorts (axis 2 of State.cohorts).
COHORTS = ("old", "civil_war", "recruits")

AXES = ("economy", "regime", "international")


@dataclass
class State:
    """All per-game quantities. Shapes: B games, P persons, K posts, R regions, L blocs,
    Q policies, F flags, E events."""
    turn: int                      # shared calendar: 0 is the scenario's start month
    seed: np.ndarray               # [B] uint64: the seed of each game
    # persons
    prestige: np.ndarray           # [B,P] float32, 0..100
    ideology: np.ndarray           # [B,P,3] float32, -1..1 on AXES
    health: np.ndarray             # [B,P] float32, 0..1
    alive: np.ndarray              # [B,P] bool
    expelled: np.ndarray           # [B,P] bool: expelled from the party
    member: np.ndarray             # [B,P,len(BODIES)] bool
    patron: np.ndarray             # [B,P] int16, -1 none
    loyalty: np.ndarray            # [B,P] float32, loyalty to the patron
    relations: np.ndarray          # [B,P,P] float32, -1..1, row's regard for column
    intel: np.ndarray              # [B,P,P] float32, 0..1: what row knows of column's doings
    silenced: np.ndarray           # [B,P] bool: denied the floor at sittings
    speech: np.ndarray             # [B,P] float32: sway built up for the next sitting
    attacked: np.ndarray           # [B,P] float32: polemics suffered lately (fades monthly)
    ap: np.ndarray                 # [B,P] float32: action points left this turn
    # blocs (alliances, factions)
    bloc: np.ndarray               # [B,L,P] bool
    exposed: np.ndarray            # [B,L] bool: a secret bloc that has been found out
    # posts
    holder: np.ndarray             # [B,K] int16, -1 vacant
    # regions
    members: np.ndarray            # [B,R] float32, thousands
    cohorts: np.ndarray            # [B,R,3] float32, shares summing to 1
    sec_patron: np.ndarray         # [B,R] int16: whose man the secretary is, -1 local
    sec_loyalty: np.ndarray        # [B,R] float32
    sec_turn: np.ndarray           # [B,R] int16: turn the secretary was placed, -1 at start
    sec_orgburo: np.ndarray        # [B,R] bool: placed by the Orgburo, not the General Secretary
    lean: np.ndarray               # [B,R,3] float32: the rank and file's views
    # central committee seats held by clients of each patron; last column = unattached
    cc_seats: np.ndarray           # [B,P+1] float32
    # economy, world, policies, flags
    ind: np.ndarray                # [B,len(INDICATORS)] float32
    policy: np.ndarray             # [B,Q] int8: option index in force
    policy_turn: np.ndarray        # [B,Q] int16: turn the option in force was put there, -1 at start
    flags: np.ndarray              # [B,F] bool
    # events and bookkeeping
    fired: np.ndarray              # [B,E] bool: event has fired (for once-only events)
    crisis: np.ndarray             # [B] int16: consecutive turns the worker-peasant alliance failed
    over: np.ndarray               # [B] bool
    outcome: np.ndarray            # [B] int16: index into Game.outcomes, -1 while running
    removed_turn: np.ndarray       # [B,P] int16: turn a leader lost his last major post, -1
    expelled_turn: np.ndarray      # [B,P] int16: turn of expulsion from the party, -1
    fell_turn: np.ndarray          # [B,P] int16: turn of removal from the Politburo, -1
    condemned_turn: np.ndarray     # [B,P] int16: turn his views were last condemned, -1
    defied_turn: np.ndarray        # [B,P] int16: last turn he defied the party in the open, -1
    recanted_turn: np.ndarray      # [B,P] int16: last turn he recanted and submitted, -1
    lost: np.ndarray               # [B,V] bool: role V (Scenario.victory order) has lost

    @property
    def batch(self) -> int:
        return int(self.prestige.shape[0])

    def copy(self) -> "State":
        return State(**{f.name: (getattr(self, f.name).copy()
                                 if isinstance(getattr(self, f.name), np.ndarray)
                                 else getattr(self, f.name)) for f in fields(self)})

    def take(self, index: np.ndarray | list[int]) -> "State":
        """The games at ``index`` as a new (smaller) batch."""
        idx = np.asarray(index)
        return State(**{f.name: (getattr(self, f.name)[idx]
                                 if isinstance(getattr(self, f.name), np.ndarray)
                                 else getattr(self, f.name)) for f in fields(self)})

    def rows(self, index: np.ndarray) -> "StateRows":
        """A read-only view of the games at ``index`` whose arrays are gathered when first read:
        checking a few games' actions reads a handful of fields, not the whole state."""
        return StateRows(self, np.asarray(index))

    def arrays(self) -> dict[str, np.ndarray]:
        return {f.name: getattr(self, f.name) for f in fields(self)
                if isinstance(getattr(self, f.name), np.ndarray)}


class StateRows:
    """The games ``index`` of a State, for reading (see State.rows)."""

    def __init__(self, state: State, index: np.ndarray):
        self._state, self._index = state, index

    def __getattr__(self, name: str):
        value = getattr(self._state, name)
        if isinstance(value, np.ndarray):
            value = value.take(self._index, axis=0)     # as value[index], for a third of the cost
        setattr(self, name, value)          # later reads find it without __getattr__
        return value

    def rows(self, index: np.ndarray) -> "StateRows":
        """The games ``index`` of these games (indices into this view, not the whole state)."""
        return StateRows(self._state, self._index[np.asarray(index)])

    @property
    def batch(self) -> int:
        return len(self._index)
