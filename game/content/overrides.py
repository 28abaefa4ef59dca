"""What-if scenarios: a base scenario plus overrides, merged node by node.

A what-if file names its ``base`` and gives ``overrides``, a partial scenario. Merge rules:
mappings merge key by key; a list of objects with ids (persons, events, …) is patched by a
mapping from id to patch (``null`` deletes, an unknown id adds a new, complete object); a ``null``
entry of a name->value mapping (flags, relations) deletes it; any other value replaces.

Merging happens on YAML nodes, before anything is built, so every value keeps the mark of the
file it came from: a mistake in an override is reported at the what-if file's line, a mistake in
untouched base content at the base file's line. ``apply_overrides`` does the same for a Python
mapping (the what-if lab), checked by the same schema.
"""
from __future__ import annotations

import dataclasses
import os
import typing
from pathlib import Path
from typing import Any, Mapping

from yaml.error import Mark
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from game.content import paths
from game.content.build import optional_inner, type_hints
from game.content.errors import Problem, ScenarioError, did_you_mean
from game.content.schema import Scenario
from game.content.validate import scenario_from_root
from game.content.yamlsafe import MAX_DEPTH, is_null, read_file, root_mapping

WHATIF_KEYS = ("id", "title", "short_title", "description", "base", "overrides")
MAX_CHAIN = 8          # a what-if of a what-if of … ; more is a mistake or a loop
_STR = "tag:yaml.org,2002:str"


def is_whatif(root: MappingNode) -> bool:
    return any(k.value in ("base", "overrides") for k, _ in root.value)


Resolved = tuple[MappingNode, list[Problem]]   # a root node, and problems found while merging


def read_root(path: Path, chain: tuple[Path, ...] = ()) -> Resolved:
    """The root mapping of a scenario file, with its what-if chain (if any) merged in."""
    root = root_mapping(read_file(path), str(path))
    return resolve_whatif(root, path, chain) if is_whatif(root) else (root, [])


def resolve_whatif(root: MappingNode, path: Path, chain: tuple[Path, ...] = ()) -> Resolved:
    """Merge a what-if file's overrides into its base's nodes. Problems that leave nothing to
    merge raise at once; problems in the merge are returned, to be reported with the rest."""
    entries = {k.value: (k, v) for k, v in root.value}
    problems = [Problem.at(k.start_mark, f"'{k.value}' does not belong at the top of a what-if file",
                           "put scenario fields under `overrides:`; " + did_you_mean(k.value, WHATIF_KEYS))
                for k, _ in root.value if k.value not in WHATIF_KEYS]
    if "id" not in entries:
        problems.append(Problem.at(root.start_mark, "a what-if needs its own id",
                                   "add `id: my_what_if` (lowercase, with _)"))
    if "title" not in entries:          # else the screens would show the base's title for it
        problems.append(Problem.at(root.start_mark, "a what-if needs its own title",
                                   "add `title: What if ...` (shown on the scenario screen)"))
    base = _base_file(entries, root, path, chain, problems)
    overrides = entries.get("overrides", (None, None))[1]
    if overrides is not None and not is_null(overrides) and not isinstance(overrides, MappingNode):
        problems.append(Problem.at(overrides.start_mark, "`overrides:` must be a mapping of fields",
                                   "e.g. overrides: {historiography: {structural: 0.3}}"))
    if base is None:
        raise ScenarioError(problems)
    merged, pending = read_root(base, chain + (path.resolve(),))
    merger = Merger()
    if isinstance(overrides, MappingNode):
        merged = merger.merge(merged, overrides, Scenario)
    own = [entries[k] for k in ("id", "title", "short_title", "description", "base") if k in entries]
    # the base's short name would label the what-if as the base in every list and chart:
    # without its own, it is made from the what-if's id
    dropped = () if "short_title" in entries else ("short_title",)
    return _with_keys(merged, own, dropped), pending + problems + merger.problems


def _base_file(entries: dict[str, tuple[Node, Node]], root: MappingNode, path: Path,
               chain: tuple[Path, ...], problems: list[Problem]) -> Path | None:
    if "base" not in entries or not isinstance(entries["base"][1], ScalarNode) \
            or not entries["base"][1].value:
        problems.append(Problem.at(root.start_mark, "a what-if needs `base:`",
                                   "name the scenario it changes, e.g. base: campaign"))
        return None
    node = entries["base"][1]
    try:
        base = paths.locate(node.value, near=path.parent)
    except ScenarioError as err:
        problems.append(Problem.at(node.start_mark, err.problems[0].message, err.problems[0].fix))
        return None
    looped = base.resolve() in chain or base.resolve() == path.resolve()
    if looped or len(chain) >= MAX_CHAIN:
        names = " -> ".join(p.stem for p in (*chain, path.resolve(), base.resolve()))
        problems.append(Problem.at(node.start_mark, f"what-if bases loop or nest too deep: {names}",
                                   "base a what-if on a scenario that does not lead back to it"))
        return None
    return base


def _with_keys(root: MappingNode, entries: list[tuple[Node, Node]],
               without: tuple[str, ...] = ()) -> MappingNode:
    """``root`` with these keys replaced or added, and the keys ``without`` left out."""
    replace = {k.value: (k, v) for k, v in entries}
    pairs = [replace.pop(k.value, (k, v)) for k, v in root.value if k.value not in without]
    return MappingNode(root.tag, pairs + list(replace.values()), root.start_mark, root.end_mark)


class Merger:
    """Merges override nodes into base nodes, typed by the schema; collects problems."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def merge(self, base: Node, over: Node, tp: Any) -> Node:
        tp = optional_inner(tp) or tp
        both_maps = isinstance(base, MappingNode) and isinstance(over, MappingNode)
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if both_maps and dataclasses.is_dataclass(tp):
            return self._fields(base, over, type_hints(tp))
        if both_maps and origin is dict:
            return self._entries(base, over, args[1])
        if (origin is tuple and isinstance(over, MappingNode) and isinstance(base, SequenceNode)
                and dataclasses.is_dataclass(args[0]) and "id" in type_hints(args[0])):
            return self._by_id(base, over, args[0])
        return over

    def _fields(self, base: MappingNode, over: MappingNode, hints: dict[str, Any]) -> MappingNode:
        pairs = list(base.value)
        where = {k.value: i for i, (k, _) in enumerate(pairs)}
        for key, value in over.value:
            if key.value in where and key.value in hints:
                i = where[key.value]
                pairs[i] = (key, self.merge(pairs[i][1], value, hints[key.value]))
            elif key.value in where:
                pairs[where[key.value]] = (key, value)
            else:
                pairs.append((key, value))
        # a what-if that changes a condition without new words for it must not keep the base's
        # words: they would tell the player the old condition ("from October 1923")
        changed = {k.value for k, _ in over.value}
        stale = {f"{k}_text" for k in changed if f"{k}_text" in hints} - changed
        pairs = [(k, v) for k, v in pairs if k.value not in stale]
        return MappingNode(base.tag, pairs, base.start_mark, base.end_mark)

    def _entries(self, base: MappingNode, over: MappingNode, value_type: Any) -> MappingNode:
        """A name -> value mapping: null deletes an entry."""
        pairs = {k.value: (k, v) for k, v in base.value}
        for key, value in over.value:
            if is_null(value):
                pairs.pop(key.value, None)
            elif key.value in pairs:
                pairs[key.value] = (key, self.merge(pairs[key.value][1], value, value_type))
            else:
                pairs[key.value] = (key, value)
        return MappingNode(base.tag, list(pairs.values()), base.start_mark, base.end_mark)

    def _by_id(self, base: SequenceNode, over: MappingNode, item_type: type) -> SequenceNode:
        """A list of id'd objects, patched by a mapping id -> patch (null deletes)."""
        items: list[Node | None] = list(base.value)
        where = {_id_of(item): i for i, item in enumerate(items) if _id_of(item)}
        kind = item_type.__name__.lower()
        for key, patch in over.value:
            i = where.get(key.value)
            if is_null(patch):
                if i is None:
                    self.problems.append(Problem.at(key.start_mark, f"there is no {kind} '{key.value}' "
                                                    "in the base to delete", did_you_mean(key.value, where)))
                else:
                    items[i] = None
            elif i is not None:
                items[i] = self.merge(items[i], patch, item_type) if items[i] is not None else patch
            else:
                items.append(_with_id(patch, key))
        return SequenceNode(base.tag, [n for n in items if n is not None], base.start_mark, base.end_mark)


def _id_of(node: Node | None) -> str:
    if isinstance(node, MappingNode):
        for k, v in node.value:
            if k.value == "id" and isinstance(v, ScalarNode):
                return v.value
    return ""


def _with_id(patch: Node, key: Node) -> Node:
    """A new object added under its id: the id comes from the key unless written out."""
    if not isinstance(patch, MappingNode) or _id_of(patch):
        return patch
    ident = ScalarNode(_STR, key.value, key.start_mark, key.end_mark)
    id_key = ScalarNode(_STR, "id", key.start_mark, key.end_mark)
    return MappingNode(patch.tag, [(id_key, ident), *patch.value], patch.start_mark, patch.end_mark)


# -- what-ifs from Python (the lab) ---------------------------------------------------------

def to_node(value: Any, mark: Mark, depth: int = 0) -> Node:
    """A YAML node for plain Python data, so Python overrides go through the same checks."""
    if depth > MAX_DEPTH:
        raise ScenarioError([Problem.at(mark, "overrides nested too deeply", "simplify the mapping")])
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = {f.name: getattr(value, f.name) for f in dataclasses.fields(value) if f.name != "path"}
    if value is None:
        return ScalarNode(_STR, "", mark, mark)
    if isinstance(value, bool):
        return ScalarNode(_STR, "true" if value else "false", mark, mark)
    if isinstance(value, (int, float)):
        return ScalarNode(_STR, repr(value), mark, mark)
    if isinstance(value, str):
        return ScalarNode(_STR, value, mark, mark, style='"')   # quoted: always text
    if isinstance(value, Mapping):
        return MappingNode("tag:yaml.org,2002:map", [(to_node(str(k), mark, depth + 1),
                                                      to_node(v, mark, depth + 1))
                                                     for k, v in value.items()], mark, mark)
    if isinstance(value, (list, tuple)):
        return SequenceNode("tag:yaml.org,2002:seq", [to_node(v, mark, depth + 1) for v in value],
                            mark, mark)
    raise ScenarioError([Problem.at(mark, f"a {type(value).__name__} cannot be a scenario value",
                                    "use numbers, text, true/false, lists and mappings")])


def _synthetic(name: str) -> Mark:
    return Mark(name, 0, 0, 0, None, None)


def _root_of(scenario: Scenario) -> MappingNode:
    """The scenario's nodes: from its file if it is still what the file says (so marks point at
    lines), else from the object itself."""
    if scenario.path and os.path.isfile(scenario.path):
        try:
            root, pending = read_root(Path(scenario.path))
            if not pending and scenario_from_root(root, scenario.path) == scenario:
                return root
        except ScenarioError:
            pass
    node = to_node(scenario, _synthetic(f"<{scenario.id}>"))
    assert isinstance(node, MappingNode)
    return node


def apply_overrides(scenario_or_name: Scenario | str | os.PathLike[str],
                    mapping: Mapping[str, Any]) -> Scenario:
    """A new scenario: ``scenario_or_name`` with ``mapping`` merged in by the what-if rules,
    e.g. ``apply_overrides("campaign", {"historiography": {"structural": 0.2}})``."""
    if isinstance(scenario_or_name, Scenario):
        base, path = _root_of(scenario_or_name), scenario_or_name.path
    else:
        found = paths.locate(scenario_or_name)
        (base, pending), path = read_root(found), str(found)
        if pending:
            raise ScenarioError(pending)
    mark = _synthetic("<overrides>")
    over = to_node(dict(mapping) if isinstance(mapping, Mapping) else mapping, mark)
    if not isinstance(over, MappingNode):
        raise ScenarioError([Problem.at(mark, "overrides must be a mapping of scenario fields",
                                        "e.g. {'historiography': {'structural': 0.2}}")])
    merger = Merger()
    merged = merger.merge(base, over, Scenario)
    return scenario_from_root(merged, path, merger.problems)
