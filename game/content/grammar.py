"""What the expression language knows: names, fields, functions, and the engine interface.

This module is the grammar's vocabulary as data, shared by the compiler (``compiler``,
``effects``), the validator (ids may not take a grammar name) and the authoring guide.
The compiled closures talk to the engine only through :class:`Env`.
"""
from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass, field
from typing import Any, Mapping, Protocol

import numpy as np

from game.content.schema import Indicators

# Indicators are the fields of schema.Indicators, in order (game.engine.state keeps the same
# order; tests/content checks they agree). Content never imports the engine: imports flow
# content -> engine.
INDICATORS = tuple(f.name for f in dataclasses.fields(Indicators))
BODIES = ("politburo", "politburo_candidate", "central_committee", "secretariat", "orgburo",
          "control_commission")
LEVELS = ("politburo", "central_committee", "party")      # what expel() can take from a person

# Fields readable as ``person.field`` / ``region.field``: name -> num | bool.
PERSON_FIELDS = {"prestige": "num", "health": "num", "alive": "bool", "active": "bool",
                 "expelled": "bool", "loyalty": "num", "economy": "num", "regime": "num",
                 "international": "num", "silenced": "bool", "defiant": "bool"}
REGION_FIELDS = {name: "num" for name in ("members", "loyalty", "old", "civil_war", "recruits",
                                          "economy", "regime", "international")}
# Fields an effect may assign.
PERSON_SETTABLE = ("prestige", "health", "loyalty", "economy", "regime", "international")
REGION_SETTABLE = ("members", "loyalty", "economy", "regime", "international")

# Questions the engine answers (Env.call): name -> (argument kinds, result kind).
QUERIES: dict[str, tuple[tuple[str, ...], str]] = {
    "holds": (("person", "post"), "bool"),
    "member": (("person", "body"), "bool"),
    "in_bloc": (("person", "bloc"), "bool"),
    "allied": (("person", "person"), "bool"),
    "controls": (("person", "region"), "bool"),
    "fired": (("event",), "bool"),
    "politburo_majority": (("person",), "bool"),
    "delegate_share": (("person",), "num"),
    "cc_share": (("person",), "num"),
    "leads": (("person",), "bool"),
}
# Arithmetic computed here with NumPy: name -> its (numeric) arguments.
MATH: dict[str, tuple[str, ...]] = {"min": ("a", "b"), "max": ("a", "b"), "abs": ("x",),
                                    "clamp": ("x", "lo", "hi")}
# Effects the engine performs (Env.do): name -> argument kinds.
ACTIONS: dict[str, tuple[str, ...]] = {
    "join": ("person", "bloc"), "leave": ("person", "bloc"), "expose": ("bloc",),
    "appoint": ("person", "post"), "vacate": ("post",), "expel": ("person", "level"),
    "kill": ("person",), "set_policy": ("policy", "option"),
    "relation": ("person", "person", "num"), "secretary": ("region", "person", "num"),
    "recruit": ("region", "num"), "silence": ("person",), "enter": ("person", "body"),
    "defy": ("person",), "recant": ("person",), "condemn": ("person",),
}
ID_KINDS = ("person", "post", "region", "bloc", "event")
# The actions a leader takes (the engine's action kinds, game.engine.actions; tests/content
# checks they agree): what a script move's ``action`` may name, besides ``choose``.
PLAYER_ACTIONS = ("pass", "appoint_secretary", "transfer_secretary", "dismiss_secretary",
                  "propose", "condemn", "remove_from_post", "expel", "promote", "demote",
                  "form_bloc", "join_bloc", "leave_bloc", "polemic", "speak", "recruit",
                  "gather_information", "testament", "set_comintern")

# Names with a meaning of their own; no scenario id may take one of them.
SPECIAL_NAMES = ("date", "year", "turn", "scissors", "structural", "agency")
# The man who decides the event whose effects run, game by game (its ``decider``, or the holder
# of its ``decider_post``): a person argument of an event's effect, and only there
# (``relation(bukharin, decider, -0.3)``)
DECIDER = "decider"
RESERVED = frozenset(INDICATORS + SPECIAL_NAMES + ("true", "false", "chance", DECIDER))

MIN_YEAR, MAX_YEAR = 1900, 1999
_DATE = re.compile(r"(\d{4})-(\d{2})\Z")


def month_index(text: str) -> int | None:
    """``"1923-03"`` -> 1923*12 + 2; None unless a real month between MIN_YEAR and MAX_YEAR."""
    match = _DATE.match(text)
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        return None
    return year * 12 + month - 1


def turn_of(month: int, start: int, turn_months: int) -> int:
    """The turn a month falls in, on a calendar opening at month ``start`` (both month indices)
    with ``turn_months`` months a turn; negative before the opening. The engine counts its
    sittings' turns with it, and the validator checks them with it."""
    return (month - start) // turn_months


def signature(name: str) -> str:
    """``holds(person, post)`` for messages."""
    kinds = (QUERIES[name][0] if name in QUERIES else ACTIONS.get(name) or MATH.get(name)
             or (("p",) if name == "chance" else ()))
    return f"{name}({', '.join(kinds)})"


class ExprError(Exception):
    """An expression that is not in the grammar. ``col`` is a 0-based offset into the text."""

    def __init__(self, message: str, col: int = 0, fix: str = ""):
        super().__init__(message)
        self.message = message
        self.col = col
        self.fix = fix

    def __str__(self) -> str:
        return f"col {self.col}: {self.message}" + (f" — {self.fix}" if self.fix else "")


class Env(Protocol):
    """What compiled expressions read and change; implemented by the engine.

    kind is person, region, indicator, flag or policy; index is the position of the id in the
    scenario's tuple (indicators in INDICATORS order; a policy's value is its option index).
    """
    batch: int
    month: int   # absolute month index: year*12 + (month-1)
    turn: int
    structural: float   # the historiography setting, 0..1

    def get(self, kind: str, field: str, index: int) -> np.ndarray: ...
    def set(self, kind: str, field: str, index: int, value: np.ndarray, mask: np.ndarray) -> None: ...
    def call(self, name: str, args: tuple) -> np.ndarray: ...
    def do(self, name: str, args: tuple, mask: np.ndarray) -> None: ...
    def chance(self, p: np.ndarray, site: int) -> np.ndarray: ...
    def the_decider(self) -> np.ndarray: ...


@dataclass(frozen=True, eq=False)
class CompileContext:
    """The ids an expression may name, each mapped to its index in the scenario's tuple."""
    persons: Mapping[str, int] = field(default_factory=dict)
    posts: Mapping[str, int] = field(default_factory=dict)
    regions: Mapping[str, int] = field(default_factory=dict)
    blocs: Mapping[str, int] = field(default_factory=dict)
    events: Mapping[str, int] = field(default_factory=dict)
    flags: Mapping[str, int] = field(default_factory=dict)
    policies: Mapping[str, tuple[int, tuple[str, ...]]] = field(default_factory=dict)  # id -> (index, options)

    @classmethod
    def from_scenario(cls, scenario: Any) -> "CompileContext":
        return cls(persons=_index(scenario.persons), posts=_index(scenario.posts),
                   regions=_index(scenario.regions), blocs=_index(scenario.blocs),
                   events=_index(scenario.events),
                   flags={name: i for i, name in enumerate(scenario.flags)},
                   policies={p.id: (i, tuple(o.id for o in p.options))
                             for i, p in enumerate(scenario.policies)})

    @functools.cached_property
    def token(self) -> object:
        """The same object for every context with the same ids and indices (a memo's key).
        Taken once, on first use: a context is not changed after it is made."""
        ids = (tuple(self.persons.items()), tuple(self.posts.items()),
               tuple(self.regions.items()), tuple(self.blocs.items()),
               tuple(self.events.items()), tuple(self.flags.items()),
               tuple(self.policies.items()))
        try:
            return _token(ids)
        except TypeError:      # options given as a list, say: this context shares with none
            return object()

    def ids(self, kind: str) -> Mapping[str, int]:
        return {"person": self.persons, "post": self.posts, "region": self.regions,
                "bloc": self.blocs, "event": self.events}[kind]

    def kind_of(self, name: str) -> str | None:
        """Which kind of id ``name`` is (person, post, region, bloc, event), if any."""
        return next((kind for kind in ID_KINDS if name in self.ids(kind)), None)

    def all_names(self) -> list[str]:
        """Every name a bare word may be, for "did you mean"."""
        names = [*RESERVED, *self.flags, *self.policies]
        for kind in ID_KINDS:
            names.extend(self.ids(kind))
        return names


@functools.lru_cache(maxsize=32)
def _token(ids: tuple) -> object:
    return object()


def _index(items: Any) -> dict[str, int]:
    out: dict[str, int] = {}
    for i, item in enumerate(items):
        out.setdefault(item.id, i)     # a duplicate id is the validator's to report
    return out
