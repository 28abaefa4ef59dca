"""Load scenarios: the entry points the engine, the interface, the lab and ``check`` use.

``load_scenario("campaign")`` finds ``scenarios/campaign.yaml``, reads it safely
(``yamlsafe``), merges a what-if into its base (``overrides``), builds the typed scenario from the
schema (``build``) and checks it (``validate``). Whatever goes wrong comes out as one
:class:`ScenarioError` listing every problem with file, line and column — never another exception.
"""
from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import Callable, NamedTuple, TypeVar

from game.content import paths
from game.content.errors import Problem, ScenarioError
from game.content.overrides import apply_overrides, is_whatif, read_root, resolve_whatif
from game.content.paths import scenarios_dir
from game.content.schema import Scenario
from game.content.validate import scenario_from_root
from game.content.yamlsafe import compose_text, read_file, root_mapping, scalar_value

T = TypeVar("T")


def load_scenario(name_or_path: str | os.PathLike[str]) -> Scenario:
    """A scenario by name (``campaign``: scenarios/campaign.yaml) or by path, fully checked."""
    file = os.fspath(name_or_path) if isinstance(name_or_path, (str, os.PathLike)) else "<scenario>"

    def load() -> Scenario:
        path = paths.locate(name_or_path)
        root, pending = read_root(path)
        return scenario_from_root(root, str(path), pending)
    return _guarded(load, file)


def load_or_report(name_or_path: str | os.PathLike[str]) -> Scenario | None:
    """For the command lines: the scenario, or None after printing its problems (file:line:col,
    one a line) to stderr - never a traceback."""
    try:
        return load_scenario(name_or_path)
    except ScenarioError as err:
        print(str(err), file=sys.stderr)
        return None


def parse_scenario(data: str | bytes, file: str = "<text>") -> Scenario:
    """A scenario from text (an editor buffer, a test). A what-if's base is looked up beside
    ``file`` if that is a real path, else in the scenarios folder."""
    def load() -> Scenario:
        root, pending = root_mapping(compose_text(data, file), file), []
        if is_whatif(root):
            root, pending = resolve_whatif(root, Path(file))
        return scenario_from_root(root, file, pending)
    return _guarded(load, file)


class Listing(NamedTuple):
    """A scenario file as the lists show it, read without full checks."""
    id: str
    description: str
    path: str
    label: str          # its short title, or a name made from its id


def list_scenarios() -> list[Listing]:
    """Every file in the scenarios folder. A file that cannot be read is listed with its first
    problem as its description."""
    found = []
    for path in paths.scenario_files():
        try:
            root = root_mapping(read_file(path), str(path))
        except ScenarioError as err:
            found.append(Listing(path.stem, f"(cannot be read: {err.problems[0].message})",
                                 str(path), label_from_id(path.stem)))
            continue
        ident, text = scalar_value(root, "id"), scalar_value(root, "description")
        short = scalar_value(root, "short_title")
        sid = ident.value if ident else path.stem
        found.append(Listing(sid, text.value if text else "", str(path),
                             short.value if short and short.value else label_from_id(sid)))
    return found


def label_from_id(sid: str) -> str:
    """A name for a scenario that has no short title: ``whatif_lenin_lives`` -> 'What if: Lenin
    lives'."""
    if sid.startswith("whatif_"):
        return "What if: " + sid[len("whatif_"):].replace("_", " ").capitalize()
    return sid.replace("_", " ").capitalize()


def _guarded(load: Callable[[], T], file: str) -> T:
    """Run a load; anything but a ScenarioError is a bug, but still reported as a problem."""
    try:
        return _uncollected(load)
    except ScenarioError:
        raise
    except RecursionError:
        raise ScenarioError([Problem(file, 1, 1, "the scenario is nested too deeply to read",
                                     "simplify its structure")]) from None
    except Exception as err:   # noqa: BLE001 — the contract: only ScenarioError leaves the loader
        raise ScenarioError([Problem(file, 1, 1, f"internal error while loading: "
                                     f"{type(err).__name__}: {err}",
                                     "please report this, with the file, to the developers")]) from err


def _uncollected(load: Callable[[], T]) -> T:
    """Run a load with the cyclic garbage collector paused. Reading a scenario makes tens of
    thousands of small objects (nodes, marks, compiled expressions) that live until the load
    ends, so the collector's passes over them, dozens in a load, free nothing; any garbage
    left is collected as usual once it is back on."""
    if not gc.isenabled():
        return load()
    gc.disable()
    try:
        return load()
    finally:
        gc.enable()


__all__ = ["Listing", "ScenarioError", "apply_overrides", "label_from_id", "list_scenarios",
           "load_scenario", "parse_scenario", "scenarios_dir"]
