"""The command line: ``python -m game [command]``. No command opens the game's window."""
from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Optional

COMMANDS = ("scenarios", "check", "simulate", "replay", "whatif", "screenshots", "bench-ui",
            "play", "strength", "bench-ai", "warm")


def main(argv: Optional[list[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] == "play":
        from .ui.app import main as ui_main
        return ui_main(argv[1:])
    if argv[0] not in COMMANDS:
        print(f"unknown command {argv[0]!r}; commands: {', '.join(COMMANDS)}", file=sys.stderr)
        return 2
    cmd, rest = argv[0], argv[1:]
    handler = {"scenarios": cmd_scenarios, "check": cmd_check, "simulate": cmd_simulate,
               "replay": cmd_replay, "whatif": cmd_whatif, "screenshots": cmd_screenshots,
               "bench-ui": cmd_bench_ui, "strength": cmd_strength, "bench-ai": cmd_bench_ai,
               "warm": cmd_warm}[cmd]
    return handler(rest)


def cmd_scenarios(argv: list[str]) -> int:
    from .content.loader import list_scenarios
    rows = list_scenarios()
    width = max((len(r.id) for r in rows), default=0)
    for r in rows:
        print(f"{r.id:<{width}}  {r.description}")
    return 0


def cmd_check(argv: list[str]) -> int:
    from .content.check import main as check_main
    return check_main(argv)


def cmd_simulate(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="python -m game simulate",
                                 description="Play one whole game, every leader computer-played.")
    ap.add_argument("--scenario", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--log", help="write the event log (JSON Lines) here")
    ap.add_argument("--json", action="store_true", help="print the summary as JSON")
    ap.add_argument("--as", dest="role", help="a scripted policy plays this leader")
    ap.add_argument("--policy", default="apparatus",
                    help="the scripted policy for --as: apparatus, orator, historical, passive, "
                         "random (see game.ai.policies)")
    ap.add_argument("--difficulty", default="normal", help="rivals' difficulty: easy, normal, hard")
    args = ap.parse_args(argv)
    from .content.loader import load_or_report
    scenario = load_or_report(args.scenario)   # a broken one prints its problems: exit 2
    if scenario is None:
        return 2
    from .ai.difficulty import LEVELS
    from .ai.play import play_one
    from .ai.policies import NAMES
    from .engine.game import Game
    g = Game(scenario)
    problem = None
    if args.difficulty not in LEVELS:
        problem = f"unknown difficulty {args.difficulty!r}; choose one of {', '.join(LEVELS)}"
    elif args.role is not None and args.role not in g.pidx:
        problem = f"unknown person {args.role!r} for --as"
    elif args.role is not None and not g.leaders[g.pidx[args.role]]:
        problem = f"{args.role!r} is not one of the leaders who act"
    elif args.policy not in NAMES:
        problem = f"unknown policy {args.policy!r}; choose one of {', '.join(NAMES)}"
    if problem:
        print(problem, file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    state, log = play_one(g, args.seed, difficulty=args.difficulty, seat=args.role,
                          scripted=args.policy if args.role else None)
    elapsed = time.perf_counter() - t0
    if args.log:
        log.write(args.log)
    summary = g.outcome(state, 0)
    summary.update({"scenario": scenario.id, "seed": args.seed, "seconds": round(elapsed, 3),
                    "difficulty": args.difficulty})
    if args.role:
        summary.update({"as": args.role, "policy": args.policy})
    if args.json:
        print(json.dumps(summary, indent=2, ensure_ascii=False))
    else:
        print(format_summary(g, summary))
    return 0


def format_summary(g, summary: dict) -> str:
    name = lambda pid: g.names.get(pid, pid)          # noqa: E731
    lines = [f"{g.scenario.title} — seed {summary['seed']}"]
    if summary.get("as"):
        lines.append(f"{name(summary['as'])} played by the scripted '{summary['policy']}' policy; "
                     f"the rivals at {summary['difficulty']}.")
    if summary["collapse"]:
        lines.append("Outcome: the worker–peasant alliance collapsed; every side has lost.")
    else:
        lines.append(f"Outcome: {name(summary['leader'])} leads the party at the end "
                     f"({g.date(summary['turn'])}).")
    for role, res in summary["roles"].items():
        lines.append(f"  {name(role):<22} {res}")
    for what, key in (("Removed from his last post", "removed"),
                      ("Removed from the Politburo", "fell"),
                      ("Expelled from the party", "expelled")):
        items = summary[key]
        if items:
            lines.append(f"{what}: " + ", ".join(f"{name(p)} ({d})" for p, d in
                                                 sorted(items.items(), key=lambda x: x[1])))
    if summary["died"]:
        lines.append("Died: " + ", ".join(name(p) for p in summary["died"]))
    ind = summary["indicators"]
    lines.append("Final indicators: " + ", ".join(
        f"{k.replace('_', ' ')} {v:g}" for k, v in ind.items()))
    lines.append(f"({summary['seconds']} s)")
    return "\n".join(lines)


def cmd_strength(argv: list[str]) -> int:
    from .ai.strength import main as strength_main
    return strength_main(argv)


def cmd_bench_ai(argv: list[str]) -> int:
    from .ai.bench import main as bench_main
    return bench_main(argv)


def cmd_warm(argv: list[str]) -> int:
    from .ai.warm import main as warm_main
    return warm_main(argv)


def cmd_replay(argv: list[str]) -> int:
    from .replay.cli import main as replay_main
    return replay_main(argv)


def cmd_whatif(argv: list[str]) -> int:
    from .lab.cli import main as lab_main
    return lab_main(argv)


def cmd_screenshots(argv: list[str]) -> int:
    from .ui.screenshots import main as shots
    return shots(argv)


def cmd_bench_ui(argv: list[str]) -> int:
    from .ui.bench import main as bench
    return bench(argv)
