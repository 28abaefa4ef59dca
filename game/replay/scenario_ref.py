"""How a save names its scenario, and how it finds it again.

A scenario shipped in the scenarios folder is named by its path there (``campaign.yaml``); any
other (a teacher's file, a what-if built in the lab, a scenario made from text) travels inside
the save as text. Either way the save keeps the file's SHA-256 and a digest of the scenario as
built, so a changed scenario is noticed instead of replaying a different game.
"""
from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path
from typing import Optional

import yaml

from ..content.errors import ScenarioError
from ..content.loader import apply_overrides, load_scenario, parse_scenario
from ..content.paths import scenarios_dir
from ..content.schema import Scenario


class ScenarioMissing(Exception):
    """The scenario a save names cannot be found or no longer builds the same game."""


# Scenario fields added since saves were first written, with their defaults: while a field
# keeps its default it is left out of the fingerprint, so a save made before the field existed
# still names the same game (a scenario that uses the field builds a different one).
ADDED_LATER = {("Bloc", "when"): "", ("Scenario", "politburo_seats"): None,
               ("Sitting", "politburo_seats"): None, ("Scenario", "short_title"): "",
               ("Event", "decider_post"): None}


def scenario_digest(scenario: Scenario) -> str:
    """A fingerprint of the scenario as built (where it was loaded from left out): the text
    of its dataclasses as ``repr`` writes them, less ADDED_LATER fields at their default."""
    text = _text(dataclasses.replace(scenario, path=""))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_KEEP = object()          # no default to drop: the field is always written


def _text(value) -> str:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        name = type(value).__qualname__
        parts = [f"{f.name}={_text(getattr(value, f.name))}" for f in dataclasses.fields(value)
                 if f.repr and ADDED_LATER.get((name, f.name), _KEEP) != getattr(value, f.name)]
        return f"{name}({', '.join(parts)})"
    if isinstance(value, tuple):
        inner = ", ".join(_text(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    if isinstance(value, list):
        return "[" + ", ".join(_text(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_text(k)}: {_text(v)}" for k, v in value.items()) + "}"
    return repr(value)


def sha256_text(text: str | bytes) -> str:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()


def make_ref(scenario: Scenario, overrides: Optional[dict] = None) -> dict:
    """The reference a save stores for ``scenario`` (already built with ``overrides``)."""
    ref: dict = {"id": scenario.id, "title": scenario.title}
    rel = _shipped_path(scenario.path)
    if rel is not None and _builds(lambda: _from_file(rel, overrides), scenario):
        data = (scenarios_dir() / rel).read_bytes()
        ref.update(path=rel, sha256=sha256_text(data))
    else:
        text, base = _text_of(scenario, overrides)
        ref.update(name=Path(scenario.path).name if scenario.path else f"{scenario.id}.yaml",
                   text=text, sha256=sha256_text(text))
        overrides = base
    if overrides:
        ref["overrides"] = overrides
    ref["digest"] = scenario_digest(scenario)
    return ref


def resolve_ref(ref: dict) -> Scenario:
    """The scenario a reference names, checked against its digest."""
    try:
        if ref.get("path") is not None:
            scenario = _from_file(str(ref["path"]), ref.get("overrides"))
        else:
            text = str(ref["text"])
            if sha256_text(text) != ref.get("sha256"):
                raise ScenarioMissing("the scenario stored in it has been altered")
            scenario = parse_scenario(text, str(ref.get("name", "<saved scenario>")))
            if ref.get("overrides"):
                scenario = apply_overrides(scenario, ref["overrides"])
    except ScenarioError as err:
        first = err.problems[0] if err.problems else None
        detail = f": {first.message}" if first else ""
        raise ScenarioMissing(f"its scenario '{ref.get('id')}' could not be loaded{detail}") \
            from None
    except OSError as err:
        raise ScenarioMissing(f"its scenario '{ref.get('id')}' could not be read ({err})") \
            from None
    if scenario_digest(scenario) != ref.get("digest"):
        raise ScenarioMissing(f"its scenario '{ref.get('id')}' has changed since the game was "
                              "saved, so the game cannot be played on exactly")
    return scenario


def _shipped_path(path: str) -> Optional[str]:
    if not path:
        return None
    try:
        rel = Path(path).resolve().relative_to(scenarios_dir().resolve())
    except (ValueError, OSError):
        return None
    return rel.as_posix()


def _from_file(rel: str, overrides: Optional[dict]) -> Scenario:
    path = scenarios_dir() / rel
    if not path.is_file():
        raise ScenarioMissing(f"its scenario file '{rel}' is no longer in the scenarios folder")
    scenario = load_scenario(str(path))
    return apply_overrides(scenario, overrides) if overrides else scenario


def _builds(make, scenario: Scenario) -> bool:
    try:
        return scenario_digest(make()) == scenario_digest(scenario)
    except (ScenarioError, ScenarioMissing, OSError):
        return False


def _text_of(scenario: Scenario, overrides: Optional[dict]) -> tuple[str, Optional[dict]]:
    """Text that builds ``scenario``: its own file (plus the overrides) if that still does,
    else the scenario written out as YAML."""
    if scenario.path and Path(scenario.path).is_file():
        try:
            text = Path(scenario.path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            text = None
        if text is not None:
            def build():
                sc = parse_scenario(text, Path(scenario.path).name)
                return apply_overrides(sc, overrides) if overrides else sc
            if _builds(build, scenario):
                return text, overrides
    return dump_scenario(scenario), None


def dump_scenario(scenario: Scenario) -> str:
    """The scenario as YAML text that builds the same scenario (for saves of a scenario that
    exists only in memory, e.g. a what-if made in the lab)."""
    data = _plain(dataclasses.replace(scenario, path="", base=None))
    return yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False,
                     default_flow_style=False)


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data) -> bool:
        return True


def _plain(value):
    """Dataclasses as mappings (unset optional fields left out), tuples as lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)
                if getattr(value, f.name) is not None and f.name != "path"}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value
