"""The scenario as typed, frozen objects: the single source of truth for the YAML format.

The loader (``game.content.loader``) builds these classes generically from the YAML nodes by
reading their type hints, so a field added here is a field a scenario can set. Every field's
comment is what a scenario author sees in ``scenarios/README.md``; keep the two in step.

Conventions:
- ids are lowercase ``snake_case`` strings; persons are their surnames (``stalin``).
- dates are ``"YYYY-MM"`` strings (quote them in YAML).
- ideology axes run from -1 to +1:
  ``economy``       -1 NEP and the peasant market  ..  +1 planned industrialisation, forced procurement
  ``regime``        -1 inner-party democracy       ..  +1 apparatus discipline
  ``international`` -1 world revolution            ..  +1 socialism in one country
- expressions (``trigger``, ``when``, ``effects``) are strings in the grammar of
  ``game.content.expr`` — never Python.
"""
# No ``from __future__ import annotations`` here: the loader reads these classes' type hints,
# and hints written as strings had to be compiled and evaluated one by one at every start.
from dataclasses import dataclass, field
from typing import Literal, Optional

FORMAT_VERSION = 1

AXES = ("economy", "regime", "international")

# Powers a post can carry. The engine gives each a mechanical meaning (see game/engine/actions.py).
Power = Literal[
    "appoint",        # appoint, transfer and dismiss regional party secretaries
    "police",         # the secret police reports to this post: gather information, fear
    "press",          # Pravda: polemics hit harder
    "army",           # the Red Army: prestige, and the fear of a Bonaparte
    "comintern",      # set Comintern policy without a vote
    "government",     # Sovnarkom: economic policy motions cost less
    "unions",         # the trade unions: strikes and workers' mood
    "control",        # the Control Commission: moves expulsions
    "inspection",     # Rabkrin: inspects the state apparatus, a second path to appointments
    "recruit",        # launch recruitment drives
    "party_org",      # leads a regional party organisation (see Post.region)
]

Body = Literal["politburo", "central_committee", "joint_plenum", "congress", "conference"]

MotionKind = Literal[
    "resolution",       # a political line (direction on the axes, effects if adopted)
    "policy",           # set an economic or Comintern policy to a value
    "condemn",          # condemn a leader's views (prestige loss, discipline)
    "remove_from_post", # take a post from its holder
    "expel_politburo",  # remove a member from the Politburo
    "expel_cc",         # remove a member from the Central Committee
    "expel_party",      # expel from the party (and so from every post and body)
    "promote",          # elect a person to the Politburo
    "testament",        # publish Lenin's Testament to the delegates
]


@dataclass(frozen=True)
class Source:
    """Where a fact comes from. ``file`` is a seed file name or ``general history``."""
    file: str
    quote: str = ""        # at most 25 words, verbatim from the file (empty for general history)
    note: str = ""         # e.g. how two sources disagree and which reading we chose


@dataclass(frozen=True)
class Ideology:
    economy: float = 0.0
    regime: float = 0.0
    international: float = 0.0


@dataclass(frozen=True)
class Inviolable:
    """While ``when`` holds, no motion may be moved against the person - to condemn his views,
    take a post from him, demote him or expel him: the party's undisputed head (Lenin while he
    lives). The refusal tells the player ``why``."""
    why: str                      # the reason in plain words, ending "No motion may be moved
    #                               against <name>: ..." (e.g. "while he lives he is the party's head")
    when: str = ""                # expression: while it holds (empty: always)
    source: Optional[Source] = None


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    pronoun: Literal["he", "she"] = "he"   # how the vote explanations speak of this person
    leader: bool = False          # leaders act each turn (player or computer); others only vote
    prestige: float = 30.0        # 0..100: standing in the party
    ideology: Ideology = Ideology()
    traits: tuple[str, ...] = ()  # names defined under model.traits
    health: float = 1.0           # 0..1; below model.health.incapacitated a person cannot act or vote
    stroke_risk: float = 0.0      # monthly chance of a stroke (each costs model.health.stroke_damage)
    decline: float = 0.0          # health lost each month
    expelled: bool = False        # already expelled from the party when the scenario opens
    condemned: bool = False       # his views condemned before the scenario opens: the verdict stands
    patron: Optional[str] = None  # person who made this person's career (votes with them)
    loyalty: float = 0.0          # 0..1 loyalty to the patron
    relations: dict[str, float] = field(default_factory=dict)  # id -> -1..1 personal regard
    member_of: tuple[str, ...] = ()  # bodies at the start: politburo, politburo_candidate,
    #                                  central_committee, secretariat, orgburo, control_commission
    ai: dict[str, float] = field(default_factory=dict)  # the computer's character for this
    #                                  leader: action kind -> weight, and aggression, caution,
    #                                  patience (see game/ai/heuristic.py)
    portrait: str = ""            # two-letter initials or a short label for the stylised portrait
    bio: str = ""                 # one paragraph for the briefing and encyclopedia
    aims: str = ""                # the role's aims, in words, for the briefing
    inviolable: Optional[Inviolable] = None  # while it holds, no motion against him is in order
    source: Optional[Source] = None


@dataclass(frozen=True)
class Post:
    id: str
    name: str
    holder: Optional[str] = None
    powers: tuple[Power, ...] = ()
    action_points: int = 0        # extra action points a turn for the holder
    prestige: float = 0.0         # prestige the holder gains each year in the post
    removed_by: Body = "central_committee"
    region: Optional[str] = None  # for party_org posts: the organisation this post leads
    base: str = ""                # the power base in words (for the interface)
    source: Optional[Source] = None
    deputy: Optional[str] = None  # steps in when the post falls vacant, if he is able


@dataclass(frozen=True)
class Secretary:
    name: str
    patron: Optional[str] = None  # whose man he is (None: elected locally, follows the region)
    loyalty: float = 0.5          # 0..1


@dataclass(frozen=True)
class Cohorts:
    """Shares of the membership; they need not sum to exactly 1 (they are normalised)."""
    old: float = 0.1              # joined before 1917 (Old Bolsheviks)
    civil_war: float = 0.6        # joined 1917-21
    recruits: float = 0.3         # joined since 1922


@dataclass(frozen=True)
class Region:
    id: str
    name: str
    members: float                # party members, thousands
    secretary: Secretary
    cohorts: Cohorts = Cohorts()
    lean: Ideology = Ideology()   # the rank and file's views
    position: tuple[float, float] = (0.5, 0.5)  # where the board draws it (0..1, 0..1)
    source: Optional[Source] = None


@dataclass(frozen=True)
class Bloc:
    """An alliance or faction: the triumvirate, the Left, the United or the Right Opposition."""
    id: str
    name: str
    members: tuple[str, ...] = ()     # members at the start
    open_to: tuple[str, ...] = ()     # who may form or join it (empty: any leader)
    against: tuple[str, ...] = ()     # the men it was formed against: its members vote down their motions
    secret: bool = False              # a secret bloc is not a public faction until exposed
    when: str = ""                    # expression: when it may be formed (empty: always)
    when_text: str = ""               # ``when`` in words for the player ("once Lenin's ...")
    source: Optional[Source] = None


@dataclass(frozen=True)
class PolicyOption:
    id: str
    name: str
    level: float = 0.0            # -1..1: where the option sits on its lever (see engine/economy.py)
    help: str = ""


@dataclass(frozen=True)
class Policy:
    """An economic or Comintern lever. The engine knows each id's effect (see engine/economy.py)."""
    id: Literal["investment", "prices", "procurement", "nep", "comintern"]
    name: str
    options: tuple[PolicyOption, ...]
    value: str                    # the option in force at the start
    axis: Literal["economy", "regime", "international"] = "economy"  # which axis it expresses


@dataclass(frozen=True)
class Motion:
    """A resolution or policy that leaders may table (content: the lines of the 1920s)."""
    id: str
    name: str
    kind: MotionKind = "resolution"
    body: Body = "politburo"
    direction: Ideology = Ideology()   # what voting for it says
    policy: Optional[str] = None       # for kind=policy: policy id
    value: Optional[str] = None        # for kind=policy: option id
    bureaucratic: float = 0.0          # -1..1: does it strengthen (+) or curb (-) the apparatus
    effects: tuple[str, ...] = ()      # effect statements applied if adopted
    when: str = ""                     # expression: when it may be tabled (empty: always)
    when_text: str = ""                # ``when`` in words for the player ("from October 1923")
    text: str = ""                     # for the interface
    source: Optional[Source] = None


@dataclass(frozen=True)
class Choice:
    id: str
    label: str
    effects: tuple[str, ...] = ()
    historical: bool = False           # the choice that was made (replay and AI default)
    outcome: str = ""                  # what it will do, in words, shown before choosing


@dataclass(frozen=True)
class Event:
    id: str
    title: str
    text: str
    date: Optional[str] = None         # fires at this date ("YYYY-MM") if the trigger holds
    trigger: str = ""                  # expression; empty means always (with date) / never (without)
    chance: float = 1.0                # once triggered, the chance it fires this turn
    once: bool = True
    decider: Optional[str] = None      # person who chooses (None: first choice applies)
    # the post whose holder chooses, game by game (game.engine.events.deciders); ``decider``
    # chooses where it is vacant
    decider_post: Optional[str] = None
    # the decider acted on what he was told, and was told wrong: a computer decider keeps to
    # the historical choice (a human player still chooses)
    misled: bool = False
    choices: tuple[Choice, ...] = ()
    effects: tuple[str, ...] = ()      # applied whenever it fires, before the choice
    kind: str = "event"                # log kind, e.g. event, death, publication
    source: Optional[Source] = None
    why: str = ""                      # note to the next designer


@dataclass(frozen=True)
class Sitting:
    """A Party Congress or Conference on a fixed date: delegates, reports, elections."""
    id: str
    name: str
    date: str
    kind: Literal["congress", "conference"] = "congress"
    cc_seats: int = 0                  # Central Committee size it elects (congress; 0: unchanged)
    politburo_seats: Optional[int] = None   # full seats of the Politburo from its month on
                                            # (congress only; None: unchanged)
    source: Optional[Source] = None


@dataclass(frozen=True)
class ScriptMove:
    """One historical move: an action a leader took, a choice made, or a chance outcome."""
    date: str
    actor: str                         # person id, or "chance"
    action: str                        # action kind (see engine/actions.py) or event id for chance
    target: Optional[str] = None       # person, region or bloc id
    arg: Optional[str] = None          # post, motion, policy option, body level, choice id ...
    arg2: Optional[str] = None
    note: str = ""
    source: Optional[Source] = None


@dataclass(frozen=True)
class Aim:
    text: str                          # shown in the briefing
    expr: str                          # expression that must hold at the end (or the moment it holds)


@dataclass(frozen=True)
class Victory:
    role: str                          # person id
    win: tuple[Aim, ...] = ()          # all must hold at the end
    lose: tuple[Aim, ...] = ()         # any holding at any time is defeat


@dataclass(frozen=True)
class Weights:
    """Weights of the vote terms. Structural terms are scaled by the historiography setting."""
    ideology: float = 1.0
    alliance: float = 0.8
    relations: float = 0.5
    patronage: float = 1.2
    prestige: float = 0.8
    fear: float = 0.6
    bureaucracy: float = 0.7
    discipline: float = 0.8
    noise: float = 0.15


@dataclass(frozen=True)
class Historiography:
    """0 = agency (manoeuvre, personalities decide), 1 = structure (social forces decide)."""
    structural: float = 0.5
    note: str = ""


@dataclass(frozen=True)
class HealthModel:
    incapacitated: float = 0.3
    stroke_damage: float = 0.25


@dataclass(frozen=True)
class Model:
    """The model's parameters: every number the rules use that is a judgement, not a fact."""
    weights: Weights = Weights()
    health: HealthModel = HealthModel()
    traits: dict[str, dict[str, float]] = field(default_factory=dict)  # trait -> modifier -> value
    params: dict[str, float] = field(default_factory=dict)  # named engine constants (see content/params.py)


@dataclass(frozen=True)
class Indicators:
    """Starting values of the economy and the world (1913 = 100 where an index)."""
    industrial_prices: float = 100.0
    agricultural_prices: float = 100.0
    industrial_output: float = 25.0     # % of 1913
    grain_marketed: float = 50.0        # % of 1913 marketings
    grain_procured: float = 40.0        # % of 1913 marketings, taken by the state
    unemployment: float = 5.0           # % of the urban workforce
    strikes: float = 10.0               # 0..100
    peasant_mood: float = 60.0          # 0..100
    kulaks: float = 20.0                # weight of the kulaks, 0..100
    nepmen: float = 20.0                # weight of the NEPmen, 0..100
    bureaucracy: float = 50.0           # size of the state and party apparatus, 0..100
    world_revolution: float = 40.0      # prospects abroad, 0..100
    isolation: float = 50.0             # 0..100
    harvest: float = 1.0                # this year's harvest against a normal one (1.0)


@dataclass(frozen=True)
class Calendar:
    start: str
    end: str
    turn_months: Literal[1, 3] = 1


@dataclass(frozen=True)
class Role:
    """A playable side: briefing and difficulty notes."""
    person: str
    briefing: str
    strengths: str = ""


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    description: str                    # one line, for ``python -m game scenarios``
    calendar: Calendar
    persons: tuple[Person, ...]
    posts: tuple[Post, ...]
    regions: tuple[Region, ...]
    short_title: str = ""               # its name in the interface's lists; from the id if empty
    format: int = FORMAT_VERSION
    briefing: str = ""                  # the situation, for every side
    roles: tuple[Role, ...] = ()
    blocs: tuple[Bloc, ...] = ()
    policies: tuple[Policy, ...] = ()
    motions: tuple[Motion, ...] = ()
    events: tuple[Event, ...] = ()
    sittings: tuple[Sitting, ...] = ()
    script: tuple[ScriptMove, ...] = ()
    victory: tuple[Victory, ...] = ()
    shared_loss: Optional[Aim] = None   # e.g. the worker-peasant alliance breaks: loss for all
    indicators: Indicators = Indicators()
    flags: dict[str, bool] = field(default_factory=dict)  # e.g. faction_ban, testament_written
    cc_seats: int = 40                  # Central Committee size at the start
    politburo_seats: Optional[int] = None   # full seats of the Politburo at the start (None: no limit)
    cc_clients: dict[str, float] = field(default_factory=dict)  # patron id -> share of non-leader seats
    model: Model = Model()
    historiography: Historiography = Historiography()
    sources: tuple[Source, ...] = ()    # general bibliography of the scenario
    base: Optional[str] = None          # set on a what-if: the scenario it overrides
    path: str = ""                      # where it was loaded from (filled by the loader)

    def sides(self) -> tuple[Role, ...]:
        """The sides a player may take: the roles, or, where the scenario names none (a
        teacher's what-if may leave them out), every leader, with no briefing of his own (the
        scenario's serves every side)."""
        if self.roles:
            return self.roles
        return tuple(Role(p.id, "") for p in self.persons if p.leader)
