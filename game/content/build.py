"""Build the typed scenario from YAML nodes, generically, from the schema's type hints.

Nothing here names a scenario field: a field added to ``game.content.schema`` is read the moment
it exists. Scalars are converted from their *raw text* by the type of the field they fill, which
is what defuses YAML's guessing: a ``str`` field keeps ``no``, ``yes`` and ``010`` as written, a
``bool`` field takes only ``true``/``false``, a number field parses decimal text and refuses
``nan``, ``inf`` and ``yes``.

A value that is wrong is reported and replaced by its default (or a zero of its type), so one
pass finds every problem in the file; ``Marks`` remembers which node each path came from, so
the semantic checks that follow can point at a line too.
"""
from __future__ import annotations

import dataclasses
import functools
import math
import re
import typing
from typing import Any, Callable, Literal, Union

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from game.content.errors import Problem, did_you_mean
from game.content.yamlsafe import is_null

Path = tuple[Union[str, int], ...]

LOADER_FIELDS = frozenset({"path"})     # filled in by the loader, never by a file
_INT = re.compile(r"[-+]?[0-9]{1,15}\Z")
_FLOAT = re.compile(r"[-+]?([0-9]{1,15}(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]{1,3})?\Z")
_BOOLS = {"true": True, "True": True, "false": False, "False": False}


class Marks:
    """Where each value of a built scenario came from: path -> node, plus readable labels."""

    def __init__(self) -> None:
        self.nodes: dict[Path, Node] = {}
        self.keys: dict[Path, Node] = {}      # the key node of each mapping entry
        self.labels: dict[Path, str] = {}     # id of each list item, for readable paths
        self.bad: set[Path] = set()           # values already reported as malformed

    def node(self, path: Path, key: bool = False) -> Node | None:
        """The node at ``path`` or, if that value was not written, at its nearest parent."""
        for end in range(len(path), -1, -1):
            found = (self.keys.get(path[:end]) if key else None) or self.nodes.get(path[:end])
            if found is not None:
                return found
        return None

    def where(self, path: Path) -> str:
        """``persons[stalin].patron`` for ``("persons", 1, "patron")``."""
        text = ""
        for end, part in enumerate(path, 1):
            if isinstance(part, int):
                label = self.labels.get(path[:end])
                text += f"[{label}]" if label else f"[{part}]"
            else:
                text += f".{part}" if text else part
        return text or "scenario"

    def is_bad(self, path: Path) -> bool:
        return any(path[:end] in self.bad for end in range(len(path) + 1))

    def problem(self, path: Path, message: str, fix: str = "", key: bool = False) -> Problem:
        node = self.node(path, key)
        return Problem.at(node.start_mark if node else None, f"{self.where(path)}: {message}", fix)


@functools.lru_cache(maxsize=None)
def type_hints(cls: type) -> dict[str, Any]:
    """Resolved field types of a schema dataclass, in declaration order."""
    hints = typing.get_type_hints(cls)
    return {f.name: hints[f.name] for f in dataclasses.fields(cls) if f.name not in LOADER_FIELDS}


def required(cls: type) -> list[str]:
    return list(_required(cls))


@functools.lru_cache(maxsize=None)
def _required(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls)
                 if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING)


@functools.lru_cache(maxsize=None)
def optional_inner(tp: Any) -> Any | None:
    """X for Optional[X], else None."""
    if typing.get_origin(tp) is Union:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1 and len(typing.get_args(tp)) == 2:
            return args[0]
    return None


def describe(tp: Any) -> str:
    """What a field expects, in an author's words."""
    inner = optional_inner(tp)
    if inner is not None:
        return describe(inner) + " (or null)"
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is Literal:
        return "one of " + ", ".join(str(a) for a in args)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return f"a list of {describe(args[0])}"
        return f"a list of {len(args)} numbers" if all(a is float for a in args) else "a list"
    if origin is dict:
        return f"a mapping of names to {describe(args[1])}"
    if dataclasses.is_dataclass(tp):
        return f"a mapping ({tp.__name__})"
    return {str: "text", int: "a whole number", float: "a number", bool: "true or false"}.get(tp, str(tp))


def zero(tp: Any) -> Any:
    """A harmless stand-in for a value that was missing or wrong (it is never used: we raise)."""
    if optional_inner(tp) is not None:
        return None
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is Literal:
        return args[0]
    if origin is tuple:
        return () if len(args) == 2 and args[1] is Ellipsis else tuple(zero(a) for a in args)
    if origin is dict:
        return {}
    if dataclasses.is_dataclass(tp):
        hints = type_hints(tp)
        return tp(**{name: zero(hints[name]) for name in required(tp)})
    return {str: "", int: 0, float: 0.0, bool: False}.get(tp)


def _kind(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    return f"'{node.value}'" if node.value else "nothing"


class Builder:
    """Turns nodes into schema objects, collecting problems instead of stopping at the first."""

    def __init__(self, marks: Marks | None = None):
        self.marks = marks or Marks()
        self.problems: list[Problem] = []

    def fail(self, node: Node, path: Path, message: str, fix: str) -> None:
        self.marks.bad.add(path)
        self.problems.append(Problem.at(node.start_mark, f"{self.marks.where(path)}: {message}", fix))

    def build(self, node: Node, tp: Any, path: Path) -> Any:
        return _plan(tp)(self, node, path)

    # -- containers -------------------------------------------------------------------------

    def _dataclass(self, node: Node, cls: type, path: Path) -> Any:
        hints = type_hints(cls)
        must = _required(cls)
        if isinstance(node, ScalarNode) and len(must) == 1 and hints[must[0]] is str:
            # Shorthand: `source: general history` means `source: {file: general history}`.
            return cls(**{must[0]: self._scalar(node, str, path + (must[0],))})
        if not isinstance(node, MappingNode):
            self.fail(node, path, f"expected {describe(cls)}, found {_kind(node)}",
                      f"write it as keys: {', '.join(hints)}")
            return zero(cls)
        given: dict[str, Any] = {}
        plans, keys = _field_plans(cls), self.marks.keys
        for key, value in node.value:
            name = key.value
            at = path + (name,)
            keys[at] = key
            plan = plans.get(name)
            if plan is None:
                self.fail(key, at, f"unknown key '{name}' in {cls.__name__}",
                          did_you_mean(name, hints))
                continue
            given[name] = plan(self, value, at)
        for name in must:
            if name not in given:
                self.marks.bad.add(path + (name,))
                self.problems.append(Problem.at(
                    node.start_mark, f"{self.marks.where(path)}: missing required '{name}'",
                    f"add `{name}:` ({describe(hints[name])})"))
                given[name] = zero(hints[name])
        return cls(**given)

    def _tuple(self, node: Node, tp: Any, path: Path) -> tuple:
        args = typing.get_args(tp)
        if not isinstance(node, SequenceNode):
            self.fail(node, path, f"expected {describe(tp)}, found {_kind(node)}",
                      "write a list: `[a, b]` or one `- item` per line")
            return zero(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            plan = _plan(args[0])
            return tuple(self._item(item, plan, path + (i,)) for i, item in enumerate(node.value))
        if len(node.value) != len(args):
            self.fail(node, path, f"expected {describe(tp)}, found {len(node.value)} items",
                      f"write exactly {len(args)} values, e.g. [0.5, 0.5]")
            return zero(tp)
        return tuple(self.build(item, a, path + (i,)) for i, (item, a) in enumerate(zip(node.value, args)))

    def _item(self, node: Node, plan: _Plan, path: Path) -> Any:
        if isinstance(node, MappingNode):
            # Label the item by its id before building it, so its own problems read persons[stalin].
            ident = next((v.value for k, v in node.value
                          if k.value == "id" and isinstance(v, ScalarNode) and v.value), None)
            if ident:
                self.marks.labels[path] = ident
        return plan(self, node, path)

    def _dict(self, node: Node, tp: Any, path: Path) -> dict:
        if not isinstance(node, MappingNode):
            self.fail(node, path, f"expected {describe(tp)}, found {_kind(node)}",
                      "write `name: value` pairs, one per line")
            return {}
        plan = _plan(typing.get_args(tp)[1])
        out: dict[str, Any] = {}
        for key, value in node.value:
            self.marks.keys[path + (key.value,)] = key
            out[key.value] = plan(self, value, path + (key.value,))
        return out

    # -- scalars ----------------------------------------------------------------------------

    def _scalar(self, node: ScalarNode, tp: Any, path: Path) -> Any:
        self.marks.nodes[path] = node
        text = node.value
        if typing.get_origin(tp) is Literal:
            return self._literal(node, tp, path)
        if tp is str:
            return text
        if tp is bool:
            if text in _BOOLS:
                return _BOOLS[text]
            self.fail(node, path, f"expected true or false, found '{text}'",
                      "write true or false (yes/no/on/off are not accepted: YAML reads them oddly)")
            return False
        if tp is int:
            if _INT.match(text.strip()):
                return int(text)
            self.fail(node, path, f"expected a whole number, found '{text}'", "write digits, e.g. 40")
            return 0
        if tp is float:
            return self._float(node, path)
        self.fail(node, path, f"cannot read a value of type {tp}", "report this to the developers")
        return zero(tp)

    def _float(self, node: ScalarNode, path: Path) -> float:
        text = node.value.strip()
        if _FLOAT.match(text):
            number = float(text)
            if math.isfinite(number):
                return number
        self.fail(node, path, f"expected a number, found '{node.value}'",
                  "write a decimal number such as 0.5 or -12 (nan and inf are not numbers here)")
        return 0.0

    def _literal(self, node: ScalarNode, tp: Any, path: Path) -> Any:
        options = typing.get_args(tp)
        text = node.value.strip()
        for option in options:
            if str(option) == text:
                return option
        self.fail(node, path, f"'{node.value}' is not allowed here; expected one of "
                  + ", ".join(str(o) for o in options), did_you_mean(text, [str(o) for o in options]))
        return options[0]


# -- plans ---------------------------------------------------------------------------------
#
# Which of the builder's methods a value of a given type goes to is decided once per type, not
# once per value: asking typing for a type's origin and arguments at every one of a campaign's
# five thousand values was over half of building it. A plan does what ``Builder.build`` used to
# do at each value, in the same order, so the same problems come out in the same order.

_Plan = Callable[[Builder, Node, Path], Any]


@functools.lru_cache(maxsize=None)
def _plan(tp: Any) -> _Plan:
    """How to build a value of type ``tp``."""
    inner = optional_inner(tp)
    if inner is not None:
        inner_plan = _plan(inner)

        def optional(b: Builder, node: Node, path: Path) -> Any:
            b.marks.nodes[path] = node
            return None if is_null(node) else inner_plan(b, node, path)
        return optional
    origin = typing.get_origin(tp)
    method = (Builder._dataclass if dataclasses.is_dataclass(tp) else
              Builder._tuple if origin is tuple else Builder._dict if origin is dict else None)
    if method is not None:
        def container(b: Builder, node: Node, path: Path) -> Any:
            b.marks.nodes[path] = node
            return method(b, node, tp, path)
        return container
    if tp is str:
        def text(b: Builder, node: Node, path: Path) -> Any:
            b.marks.nodes[path] = node
            if isinstance(node, ScalarNode):
                return node.value
            b.fail(node, path, f"expected {describe(tp)}, found {_kind(node)}", _scalar_fix(tp))
            return zero(tp)
        return text

    def scalar(b: Builder, node: Node, path: Path) -> Any:
        b.marks.nodes[path] = node
        if isinstance(node, ScalarNode):
            return b._scalar(node, tp, path)
        b.fail(node, path, f"expected {describe(tp)}, found {_kind(node)}", _scalar_fix(tp))
        return zero(tp)
    return scalar


@functools.lru_cache(maxsize=None)
def _field_plans(cls: type) -> dict[str, _Plan]:
    """The plan of each field of a schema dataclass."""
    return {name: _plan(tp) for name, tp in type_hints(cls).items()}


def _scalar_fix(tp: Any) -> str:
    if tp is str:
        return "write the text on the same line, quoted if it contains ': ' or starts with a symbol"
    return f"write {describe(tp)} on the same line as the key"


def build_scenario(root: MappingNode, scenario_type: type) -> tuple[Any, Marks, list[Problem]]:
    """Build ``scenario_type`` from a root mapping; returns the object, its marks and problems."""
    builder = Builder()
    value = builder.build(root, scenario_type, ())
    return value, builder.marks, builder.problems
