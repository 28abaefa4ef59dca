"""``python -m game replay``: the historical replay, or a saved game, as readable lines.

    python -m game replay --scenario campaign [--until 1924-05] [--log out.jsonl] [--seed 1]
    python -m game replay --save my_game.json [--debrief debrief.html]

Every record is printed as the log reads it: the date, what happened, each vote with every
voter's reasons, and the source quoted.
"""
from __future__ import annotations

import argparse
import sys
from typing import Optional

from ..engine.log import readable
from . import files
from .saves import SaveError
from .script import ScriptError


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="python -m game replay",
        description="Replay the historical path of a scenario (its script), or a saved game, "
                    "as readable lines: date, what happened, each vote and why, the source.")
    what = ap.add_mutually_exclusive_group(required=True)
    what.add_argument("--scenario", help="scenario name or file whose script to replay")
    what.add_argument("--save", help="a saved game (or replay file) to show")
    ap.add_argument("--seed", type=int, default=1, help="seed for the votes' noise (default 1)")
    ap.add_argument("--until", metavar="YYYY-MM", help="stop after this month")
    ap.add_argument("--log", metavar="FILE", help="also write the log as JSON Lines")
    ap.add_argument("--debrief", metavar="FILE",
                    help="write the debrief of the game (.html or .md)")
    ap.add_argument("--brief", action="store_true",
                    help="one line per record (leave out each voter's reasons)")
    return ap


def main(argv: Optional[list[str]] = None) -> int:
    args = _parser().parse_args(argv)
    try:
        session = _session(args)
    except SaveError as err:
        print(err.message, file=sys.stderr)
        return 2
    except ScriptError as err:
        print(f"The scenario's script cannot be replayed: {err}", file=sys.stderr)
        return 2
    if session is None:
        return 2
    _print(session, args)
    if args.log:
        files.atomic_write(args.log, session.log.lines(0).encode("utf-8"), keep_backup=False)
    if args.debrief:
        from .debrief import build_debrief
        build_debrief(session).write(args.debrief)
        print(f"debrief written to {args.debrief}")
    return 0


def _session(args):
    from .script import historical
    from .session import Session
    if args.save:
        session = Session.load(args.save, autosave=False, trust_snapshot=True)
        for w in session.warnings:
            print(f"warning: {w}", file=sys.stderr)
        return session
    from ..content.loader import load_or_report
    scenario = load_or_report(args.scenario)
    if scenario is None:
        return None
    if not scenario.script:
        print(f"The scenario '{scenario.id}' has no historical script to replay.",
              file=sys.stderr)
        return None
    return historical(scenario, seed=args.seed, until=args.until)


def _print(session, args) -> None:
    g = session.game
    kind = "Historical replay" if session.origin.get("kind") == "replay" and not session.humans \
        else "Game"
    print(f"{kind}: {g.scenario.title} — seed {session.seed}")
    last = None
    for rec in session.records:
        if args.until and rec["date"] > args.until:
            break
        if rec["date"] != last:
            print()
            last = rec["date"]
        print(rec["date"] + "  " + rec["text"] if args.brief else readable(rec, g.names))
    if session.over:
        out = session.outcome()
        print()
        if out["collapse"]:
            print("Outcome: the worker–peasant alliance collapsed; every side has lost.")
        else:
            print(f"Outcome: {g.names.get(out['leader'], out['leader'])} leads the party.")
