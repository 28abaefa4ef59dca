"""``python -m game check FILE [FILE...]``: validate scenario files and explain every problem.

Prints each problem on its own line as ``file:line:col: message — fix``, then a summary.
Exit status: 0 when every file is clean, 2 when any has a problem (or no file was given).
Never a traceback: the loader turns every failure into problems.
"""
from __future__ import annotations

import sys
from typing import Sequence, TextIO

from game.content.errors import ScenarioError
from game.content.loader import load_scenario
from game.content.schema import Scenario

MAX_SHOWN = 200     # problems printed per file; a broken file can have thousands
USAGE = "usage: python -m game check FILE [FILE...]   (a file path or a scenario name)"


def summary(scenario: Scenario) -> str:
    """``12 persons, 14 posts, …`` — what a clean file contains."""
    counts = [(len(scenario.persons), "person"), (len(scenario.posts), "post"),
              (len(scenario.regions), "region"), (len(scenario.blocs), "bloc"),
              (len(scenario.motions), "motion"), (len(scenario.events), "event"),
              (len(scenario.sittings), "sitting"), (len(scenario.script), "script move")]
    return ", ".join(f"{n} {word}{'s' * (n != 1)}" for n, word in counts)


def check_file(name: str, out: TextIO) -> int:
    """Check one file; print its problems or its summary; return the number of problems."""
    try:
        scenario = load_scenario(name)
    except ScenarioError as err:
        for problem in err.problems[:MAX_SHOWN]:
            print(problem, file=out)
        if len(err.problems) > MAX_SHOWN:
            print(f"{name}: … and {len(err.problems) - MAX_SHOWN} more problems", file=out)
        return len(err.problems)
    base = f" (what-if of {scenario.base})" if scenario.base else ""
    print(f"ok: {name}{base}: {summary(scenario)}", file=out)
    return 0


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Check each file named in ``argv``; return the exit status."""
    out = out or sys.stdout
    files = list(sys.argv[1:] if argv is None else argv)
    if any(f in ("-h", "--help") for f in files):
        print(USAGE, file=out)
        return 0
    if not files:
        print(USAGE, file=out)
        return 2
    broken = 0
    total = 0
    for name in files:
        found = check_file(name, out)
        total += found
        broken += found > 0
    if broken:
        print(f"{total} problem{'s' * (total != 1)} in {broken} of {len(files)} "
              f"file{'s' * (len(files) != 1)}", file=out)
        return 2
    print(f"all {len(files)} file{'s' * (len(files) != 1)} ok", file=out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
