"""Problems found in a scenario file, and the one exception the content package raises.

Every check in ``game.content`` reports a :class:`Problem` that names a file, a 1-based line and
column, what is wrong and how to fix it. Checks collect all problems in one pass; the loader then
raises a single :class:`ScenarioError` carrying them all, so a teacher fixes a file in one round.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from yaml.error import Mark


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a scenario, at ``file:line:col`` (both 1-based)."""
    file: str
    line: int
    col: int
    message: str
    fix: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}: {self.message}"
        return f"{where} — {self.fix}" if self.fix else where

    @classmethod
    def at(cls, mark: Mark | None, message: str, fix: str = "", file: str = "") -> "Problem":
        """A problem at a YAML mark (0-based line/column inside; 1-based outside)."""
        if mark is None:
            return cls(file or "<unknown>", 1, 1, message, fix)
        return cls(file or str(mark.name), mark.line + 1, mark.column + 1, message, fix)


class ScenarioError(Exception):
    """A scenario could not be loaded. ``problems`` lists every problem found, in file order."""

    def __init__(self, problems: Iterable[Problem]):
        unique = sorted(set(problems))
        self.problems: list[Problem] = unique or [Problem("<unknown>", 1, 1, "unknown problem")]
        super().__init__("\n".join(str(p) for p in self.problems))

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


def did_you_mean(word: str, candidates: Iterable[str], listing: int = 12) -> str:
    """A fix hint: the closest known names, or the whole (short) list of known names."""
    import difflib    # here, not at the top: only a file with a mistake needs it
    known = sorted(set(candidates))
    close = difflib.get_close_matches(word, known, n=3, cutoff=0.6)
    if close:
        return "did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
    if not known:
        return "there are none defined"
    if len(known) <= listing:
        return "known: " + ", ".join(known)
    return f"known: {', '.join(known[:listing])}, … ({len(known)} in all)"
