"""The semantic pass: what a well-typed scenario must also get right.

Ids are unique across every kind and spelled as ids; every reference names something that exists
(with "did you mean"); dates are real months; numbers lie in their documented ranges; every
expression compiles. Each problem points at the line of the offending value through ``Marks``.
Values that the builder already reported as malformed are skipped, so one mistake is one message.
"""
from __future__ import annotations

import dataclasses
import re
from typing import Any, Iterable

from yaml.nodes import MappingNode

from game.content import grammar as g
from game.content import params
from game.content.build import Marks, Path, build_scenario
from game.content.errors import Problem, ScenarioError, did_you_mean
from game.content.expr import CompileContext, ExprError, compile_effect, compile_predicate
from game.content.schema import AXES, FORMAT_VERSION, Scenario
from game.content.yamlsafe import problem_in_text

_ID = re.compile(r"[a-z][a-z0-9_]*\Z")
_ID_LISTS = (("persons", "person"), ("posts", "post"), ("regions", "region"), ("blocs", "bloc"),
             ("policies", "policy"), ("motions", "motion"), ("events", "event"),
             ("sittings", "sitting"))
_PERCENTAGES = ("unemployment", "strikes", "peasant_mood", "kulaks", "nepmen", "bureaucracy",
                "world_revolution", "isolation")
MAX_SHORT_TITLE = 32    # what the scenario lists show in full at the normal text size


class Checker:
    """Runs every semantic check over a built scenario and collects the problems."""

    def __init__(self, scenario: Scenario, marks: Marks):
        self.s = scenario
        self.marks = marks
        self.problems: list[Problem] = []
        self.ctx = CompileContext.from_scenario(scenario)
        self.persons = {p.id for p in scenario.persons}

    # -- reporting helpers ---------------------------------------------------------------

    def report(self, path: Path, message: str, fix: str = "", key: bool = False) -> None:
        if not self.marks.is_bad(path):
            self.problems.append(self.marks.problem(path, message, fix, key))

    def ref(self, path: Path, value: str | None, known: Iterable[str], kind: str,
            key: bool = False, hint: str = "") -> None:
        """``value`` (if given) must be one of ``known``."""
        known = list(known)
        if value is not None and value not in known:
            self.report(path, f"unknown {kind} '{value}'", did_you_mean(value, known) + hint, key)

    def span(self, path: Path, value: float | None, lo: float, hi: float | None = None) -> None:
        if value is not None and (value < lo or (hi is not None and value > hi)):
            limits = f"from {lo:g} to {hi:g}" if hi is not None else f"of at least {lo:g}"
            self.report(path, f"{value:g} is out of range", f"use a value {limits}")

    def seats(self, path: Path, value: int | None) -> None:
        """The Politburo's full seats: a whole number of at least 1 (None: not given)."""
        if value is not None and value < 1:
            self.report(path, f"the Politburo cannot have {value} seats",
                        "write a whole number of at least 1 (the campaign has 7 in 1922), or "
                        "leave the key out for no limit")

    def date(self, path: Path, text: str | None) -> int | None:
        if text is None:
            return None
        month = g.month_index(text)
        if month is None:
            self.report(path, f"'{text}' is not a date",
                        f"write \"YYYY-MM\" in quotes, e.g. \"1923-03\" (years {g.MIN_YEAR}-{g.MAX_YEAR})")
        return month

    def expression(self, path: Path, text: str, effect: bool = False) -> None:
        if self.marks.is_bad(path) or (not effect and not text.strip()):
            return
        try:
            (compile_effect if effect else compile_predicate)(text, self.ctx, 0)
        except ExprError as err:
            node = self.marks.nodes.get(path)
            where = self.marks.where(path)
            self.problems.append(problem_in_text(node, err.col, f"{where}: {err.message}", err.fix)
                                 if node is not None else self.marks.problem(path, err.message, err.fix))

    def ideology(self, path: Path, value: Any) -> None:
        for axis in AXES:
            self.span(path + (axis,), getattr(value, axis), -1, 1)

    # -- the checks ----------------------------------------------------------------------

    def run(self) -> list[Problem]:
        for check in (self.ids, self.top, self.check_persons, self.check_posts, self.check_regions,
                      self.check_blocs, self.check_policies, self.check_motions, self.check_events,
                      self.check_sittings, self.check_script, self.check_sides, self.check_model):
            check()
        return self.problems

    def ids(self) -> None:
        seen: dict[str, str] = {}
        for field, kind in _ID_LISTS:
            for i, item in enumerate(getattr(self.s, field)):
                self.one_id((field, i, "id"), item.id, kind, seen)
        for name in self.s.flags:
            self.one_id(("flags", name), name, "flag", seen, key=True)
        for i, event in enumerate(self.s.events):
            self.local_ids(("events", i, "choices"), event.choices, "choice")
        for i, policy in enumerate(self.s.policies):
            self.local_ids(("policies", i, "options"), policy.options, "option")

    def one_id(self, path: Path, ident: str, kind: str, seen: dict[str, str], key: bool = False) -> None:
        if not _ID.match(ident):
            self.report(path, f"'{ident}' is not a valid id",
                        "use lowercase letters, digits and _ starting with a letter", key)
        elif ident in g.RESERVED:
            self.report(path, f"'{ident}' is a word of the expression grammar", "choose another id", key)
        elif ident in seen:
            self.report(path, f"id '{ident}' is already used by a {seen[ident]}",
                        "ids must be unique across persons, posts, regions, blocs, policies, "
                        "motions, events, sittings and flags", key)
        seen.setdefault(ident, kind)

    def local_ids(self, path: Path, items: Iterable[Any], kind: str) -> None:
        seen: set[str] = set()
        for j, item in enumerate(items):
            if not _ID.match(item.id):
                self.report(path + (j, "id"), f"'{item.id}' is not a valid {kind} id",
                            "use lowercase letters, digits and _")
            elif item.id in seen:
                self.report(path + (j, "id"), f"{kind} id '{item.id}' is used twice", "rename one")
            seen.add(item.id)

    def top(self) -> None:
        s = self.s
        if s.format != FORMAT_VERSION:
            self.report(("format",), f"format {s.format} is not supported",
                        f"this game reads format {FORMAT_VERSION}")
        if len(s.short_title) > MAX_SHORT_TITLE:
            self.report(("short_title",), f"the short title has {len(s.short_title)} characters; "
                        f"lists show about {MAX_SHORT_TITLE}",
                        "shorten it (the full title is shown beside the list)")
        start = self.date(("calendar", "start"), s.calendar.start)
        end = self.date(("calendar", "end"), s.calendar.end)
        if start is not None and end is not None and start >= end:
            self.report(("calendar", "end"), f"the calendar ends ({s.calendar.end}) before it starts "
                        f"({s.calendar.start})", "end must be a later month than start")
        self.span(("cc_seats",), s.cc_seats, 1)
        self.seats(("politburo_seats",), s.politburo_seats)
        for name, share in s.cc_clients.items():
            self.ref(("cc_clients", name), name, self.persons, "person", key=True)
            self.span(("cc_clients", name), share, 0, 1)
        if sum(s.cc_clients.values()) > 1 + 1e-9:
            self.report(("cc_clients",), "the shares of Central Committee clients add up to more "
                        "than 1", "make them sum to at most 1 (the rest are unattached)")
        for name in g.INDICATORS:
            self.span(("indicators", name), getattr(s.indicators, name), 0,
                      100 if name in _PERCENTAGES else None)
        self.span(("historiography", "structural"), s.historiography.structural, 0, 1)

    def check_persons(self) -> None:
        traits = set(self.s.model.traits)
        for i, p in enumerate(self.s.persons):
            at: Path = ("persons", i)
            self.span(at + ("prestige",), p.prestige, 0, 100)
            for name in ("health", "stroke_risk", "decline", "loyalty"):
                self.span(at + (name,), getattr(p, name), 0, 1)
            self.ideology(at + ("ideology",), p.ideology)
            self.ref(at + ("patron",), p.patron, self.persons - {p.id}, "person")
            for other, regard in p.relations.items():
                self.ref(at + ("relations", other), other, self.persons - {p.id}, "person", key=True)
                self.span(at + ("relations", other), regard, -1, 1)
            for j, body in enumerate(p.member_of):
                self.ref(at + ("member_of", j), body, g.BODIES, "body")
            for j, trait in enumerate(p.traits):
                self.ref(at + ("traits", j), trait, traits, "trait",
                         hint=" (traits are defined under model.traits)")
            if p.inviolable is not None:
                self.expression(at + ("inviolable", "when"), p.inviolable.when)
                if not p.inviolable.why.strip():
                    self.report(at + ("inviolable", "why"), "say why no motion may be moved "
                                "against him", "the refusal shows it to the player, e.g. why: "
                                "\"while he lives he is the party's head\"")

    def check_posts(self) -> None:
        for i, post in enumerate(self.s.posts):
            at: Path = ("posts", i)
            self.ref(at + ("holder",), post.holder, self.persons, "person")
            self.ref(at + ("deputy",), post.deputy, self.persons, "person")
            self.ref(at + ("region",), post.region, self.ctx.regions, "region")
            self.span(at + ("action_points",), post.action_points, 0, 10)
            if "party_org" in post.powers and post.region is None:
                self.report(at + ("powers",), "a party_org post must say which region it leads",
                            "add `region: <region id>`")

    def check_regions(self) -> None:
        for i, region in enumerate(self.s.regions):
            at: Path = ("regions", i)
            self.span(at + ("members",), region.members, 0)
            self.ref(at + ("secretary", "patron"), region.secretary.patron, self.persons, "person")
            self.span(at + ("secretary", "loyalty"), region.secretary.loyalty, 0, 1)
            for name in ("old", "civil_war", "recruits"):
                self.span(at + ("cohorts", name), getattr(region.cohorts, name), 0, 1)
            self.ideology(at + ("lean",), region.lean)
            for j, xy in enumerate(region.position):
                self.span(at + ("position", j), xy, 0, 1)

    def check_blocs(self) -> None:
        for i, bloc in enumerate(self.s.blocs):
            self.expression(("blocs", i, "when"), bloc.when)
            for field in ("members", "open_to", "against"):
                for j, person in enumerate(getattr(bloc, field)):
                    self.ref(("blocs", i, field, j), person, self.persons, "person")

    def check_policies(self) -> None:
        for i, policy in enumerate(self.s.policies):
            options = [o.id for o in policy.options]
            for j, option in enumerate(policy.options):
                self.span(("policies", i, "options", j, "level"), getattr(option, "level", None), -1, 1)
            if not options:
                self.report(("policies", i, "options"), "a policy needs at least one option",
                            "list its options, each with an id and a name")
            self.ref(("policies", i, "value"), policy.value, options, f"option of {policy.id}")

    def check_motions(self) -> None:
        for i, motion in enumerate(self.s.motions):
            at: Path = ("motions", i)
            self.ref(at + ("policy",), motion.policy, self.ctx.policies, "policy")
            if motion.policy in self.ctx.policies:
                self.ref(at + ("value",), motion.value, self.ctx.policies[motion.policy][1],
                         f"option of {motion.policy}")
            if motion.kind == "policy" and (motion.policy is None or motion.value is None):
                self.report(at + ("kind",), "a policy motion needs `policy:` and `value:`",
                            "e.g. policy: procurement, value: force")
            if motion.value is not None and motion.policy is None:
                self.report(at + ("value",), "`value:` needs a `policy:`", "add the policy id")
            self.ideology(at + ("direction",), motion.direction)
            self.span(at + ("bureaucratic",), motion.bureaucratic, -1, 1)
            self.expression(at + ("when",), motion.when)
            for j, text in enumerate(motion.effects):
                self.expression(at + ("effects", j), text, effect=True)
                if _names_decider(text):
                    self.report(at + ("effects", j), "a motion has no decider: only an "
                                "event's effects may name `decider`", "name the person")

    def check_events(self) -> None:
        for i, event in enumerate(self.s.events):
            at: Path = ("events", i)
            self.date(at + ("date",), event.date)
            self.span(at + ("chance",), event.chance, 0, 1)
            self.ref(at + ("decider",), event.decider, self.persons, "person")
            self.ref(at + ("decider_post",), event.decider_post, self.ctx.posts, "post",
                     hint=" (its holder decides; `decider` where it is vacant)")
            if event.misled and ((event.decider is None and event.decider_post is None)
                                 or not any(c.historical for c in event.choices)):
                self.report(at + ("misled",), "misled needs a decider and a choice marked "
                            "historical", "add the decider and mark the choice he made, or "
                            "drop misled")
            self.expression(at + ("trigger",), event.trigger)
            effects = [(at + ("effects", j), text) for j, text in enumerate(event.effects)]
            effects += [(at + ("choices", j, "effects", k), text)
                        for j, choice in enumerate(event.choices)
                        for k, text in enumerate(choice.effects)]
            for path, text in effects:
                self.expression(path, text, effect=True)
                if event.decider is None and _names_decider(text):
                    # with a post and no `decider`, nobody decides while the post is vacant
                    self.report(path, "an effect names `decider` but the event has no "
                                "`decider:`", "add `decider:` - the man who decides"
                                + (" while the post is vacant" if event.decider_post else "")
                                + " - or name the person in the effect")
            if sum(c.historical for c in event.choices) > 1:
                self.report(at + ("choices",), "more than one choice is marked historical",
                            "mark only the choice that was made")

    def check_sittings(self) -> None:
        cal = self.s.calendar
        start = g.month_index(cal.start) if cal.start else None
        end = g.month_index(cal.end) if cal.end else None
        step = cal.turn_months if cal.turn_months in (1, 3) else 1
        seen: dict[int, str] = {}          # turn -> the sitting held in it
        for i, sitting in enumerate(self.s.sittings):
            month = self.date(("sittings", i, "date"), sitting.date)
            self.span(("sittings", i, "cc_seats"), sitting.cc_seats, 0)
            self.seats(("sittings", i, "politburo_seats"), sitting.politburo_seats)
            if sitting.politburo_seats is not None and sitting.kind != "congress":
                self.report(("sittings", i, "politburo_seats"),
                            "only a congress sets the Politburo's seats (a conference elects "
                            "no Central Committee)", "move politburo_seats to a congress, or "
                            "make this sitting `kind: congress`")
            if month is None or start is None or end is None or not start <= month <= end:
                continue                    # outside the calendar: never held
            turn = g.turn_of(month, start, step)
            if turn in seen:
                # a turn holds one sitting: the engine would open only the later one
                self.report(("sittings", i, "date"),
                            f"'{sitting.id}' falls in the same turn as '{seen[turn]}' "
                            f"({step} months a turn)",
                            "give one of them a date in another turn, or use monthly turns "
                            "(calendar: {turn_months: 1})")
            else:
                seen[turn] = sitting.id

    def check_script(self) -> None:
        events = {e.id: e for e in self.s.events}
        words = self.script_words()
        for i, move in enumerate(self.s.script):
            at: Path = ("script", i)
            self.date(at + ("date",), move.date)
            targets = [*self.persons, *self.ctx.regions, *self.ctx.blocs]
            if move.actor == "chance" and move.action == "stroke":
                self.ref(at + ("target",), move.target, self.persons, "person")
                continue
            if move.actor == "chance":
                self.ref(at + ("action",), move.action, [*events, "stroke"], "event")
                if move.action in events and move.arg is not None:
                    # "no" forbids the event; a choice id fires it with that choice
                    self.ref(at + ("arg",), move.arg,
                             ["no", *[c.id for c in events[move.action].choices]],
                             f"choice of {move.action} (or no)")
            else:
                self.ref(at + ("actor",), move.actor, self.persons, "person",
                         hint=" (or chance, for an event's outcome)")
                self.ref(at + ("action",), move.action, [*g.PLAYER_ACTIONS, "choose"], "action")
                self.ref(at + ("arg",), move.arg, words, "id")
                if move.action == "choose":
                    targets = [*targets, *events]      # a choice may name its event as target
            self.ref(at + ("target",), move.target, targets, "person, region or bloc")
            if move.arg2 is not None and not _is_number(move.arg2):
                self.ref(at + ("arg2",), move.arg2, words, "id")

    def script_words(self) -> set[str]:
        """Everything a script move's arg may name."""
        s = self.s
        words = set(self.ctx.all_names()) | set(g.BODIES) | set(g.LEVELS)
        words |= {m.id for m in s.motions} | {x.id for x in s.sittings}
        words |= {o.id for p in s.policies for o in p.options}
        words |= {c.id for e in s.events for c in e.choices}
        words |= {"publish", "suppress"}        # Lenin's Testament
        return words

    def check_sides(self) -> None:
        roles = [r.person for r in self.s.roles]
        for i, role in enumerate(self.s.roles):
            self.ref(("roles", i, "person"), role.person, self.persons, "person")
            if roles.index(role.person) != i:
                self.report(("roles", i, "person"), f"{role.person} has two roles", "keep one")
        for i, victory in enumerate(self.s.victory):
            self.ref(("victory", i, "role"), victory.role, self.persons, "person")
            for field in ("win", "lose"):
                for j, aim in enumerate(getattr(victory, field)):
                    self.aim(("victory", i, field, j), aim)
        if self.s.shared_loss is not None:
            self.aim(("shared_loss",), self.s.shared_loss)

    def aim(self, path: Path, aim: Any) -> None:
        if not aim.expr.strip():
            self.report(path + ("expr",), "an aim needs an expression", "e.g. expr: leads(stalin)")
        self.expression(path + ("expr",), aim.expr)

    def check_model(self) -> None:
        model = self.s.model
        for name, value in vars(model.weights).items():
            self.span(("model", "weights", name), value, 0)
        for name, value in vars(model.health).items():
            self.span(("model", "health", name), value, 0, 1)
        for name, value in model.params.items():
            path = ("model", "params", name)
            if name not in params.DEFAULTS:
                self.ref(path, name, params.DEFAULTS, "engine constant", key=True,
                         hint=" (the names and defaults are in game/content/params.py)")
            else:
                self.span(path, value, *params.limits(name))


def _names_decider(text: str) -> bool:
    """The effect names the event's decider (a word of the grammar: no id is ``decider``)."""
    return re.search(rf"\b{g.DECIDER}\b", text) is not None


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def check(scenario: Scenario, marks: Marks) -> list[Problem]:
    """Every semantic problem of a built scenario."""
    return Checker(scenario, marks).run()


def scenario_from_root(root: MappingNode, path: str, pending: Iterable[Problem] = ()) -> Scenario:
    """Build and check a scenario from its (merged) root node; raise every problem at once,
    with ``pending`` ones found earlier (in merging a what-if)."""
    scenario, marks, problems = build_scenario(root, Scenario)
    problems += check(scenario, marks)
    problems += pending
    if problems:
        raise ScenarioError(problems)
    return dataclasses.replace(scenario, path=path)
