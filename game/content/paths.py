"""Where scenario files live and how a bare name (``campaign``) becomes a file."""
from __future__ import annotations

import os
from pathlib import Path

from game.content.errors import Problem, ScenarioError, did_you_mean

ENV_VAR = "POLITBURO_SCENARIOS"
SUFFIXES = (".yaml", ".yml")


def scenarios_dir() -> Path:
    """The scenarios folder: ``$POLITBURO_SCENARIOS`` if set, else ``<repo>/scenarios``."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[2] / "scenarios"


def scenario_files() -> list[Path]:
    """Every scenario file in the scenarios folder, sorted by name."""
    folder = scenarios_dir()
    try:
        return sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p.is_file())
    except OSError:
        return []


def is_bare_name(text: str) -> bool:
    """``campaign`` is a name; ``campaign.yaml`` and ``x/campaign`` are paths."""
    return "/" not in text and "\\" not in text and not text.endswith(SUFFIXES)


def locate(name_or_path: str | os.PathLike[str], near: Path | None = None) -> Path:
    """The file for a scenario name (looked up beside ``near``, then in the scenarios folder),
    or the path itself. Raises ScenarioError for a name that matches no file."""
    text = os.fspath(name_or_path)
    if not isinstance(name_or_path, str) or not is_bare_name(text):
        return _relative(Path(text), near)
    folders = ([near] if near is not None else []) + [scenarios_dir()]
    for folder in folders:
        for suffix in SUFFIXES:
            candidate = folder / f"{text}{suffix}"
            if candidate.is_file():
                return candidate
    known = [p.stem for p in scenario_files()]
    raise ScenarioError([Problem(text, 1, 1, f"no scenario named '{text}' in {scenarios_dir()}",
                                 did_you_mean(text, known))])


def _relative(path: Path, near: Path | None) -> Path:
    """A path written in a what-if (``base: ../campaign``) is relative to that file's folder."""
    if near is None or path.is_absolute():
        return path
    for candidate in (near / path, near / f"{path}.yaml"):
        if candidate.is_file():
            return candidate
    return near / path
