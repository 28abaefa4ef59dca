"""The runs as flat rows (one a game), ready for a spreadsheet: every parameter and the seed.

Columns: the run number, the scenario, the rules (engine), scenario-format, lab and NumPy
versions, the seed, the lab's
overrides (JSON), every model setting in force, the outcome and the leading figure at the end,
the date the game ended, each role's result, the key dates (``removed_<leader>``: lost his last
major post; ``fell_``: removed from the Politburo; ``expelled_``: expelled from the party;
``died_``; ``formed_<bloc>``/``broke_<bloc>``: an alliance of two or more came together or fell
apart) as ``YYYY-MM`` or empty, each leader's final prestige and the final indicators.

Numbers are written with fixed decimals, so the same seed gives the same file byte for byte.
"""
from __future__ import annotations

import csv
import io
import json

import numpy as np

from .record import BLOC_KINDS, DATE_KINDS, LAB_FORMAT, SERIES, Runs


def columns(runs: Runs, setting: str = "") -> dict[str, list[str]]:
    """Column name -> the column's text, one entry a game."""
    m, n = runs.meta, runs.n
    same = lambda v: [v] * n                                          # noqa: E731
    date = lambda turns: [m.date(int(t)) for t in turns]              # noqa: E731
    cols: dict[str, list[str]] = {
        "run": [str(i) for i in range(n)],
        "scenario": same(m.scenario),
        "base": same(m.base),
        "setting": same(setting),
        "rules_version": same(str(m.rules_version)),
        "scenario_format": same(str(m.scenario_format)),
        "lab_format": same(str(LAB_FORMAT)),
        "numpy": same(np.__version__),
        "seed": [str(int(s)) for s in runs.seed],
        "overrides": same(json.dumps(m.overrides, sort_keys=True, separators=(",", ":"))
                          if m.overrides else ""),
        "difficulty": same(m.difficulty),
        "structural": same(_num(m.structural, 3)),
    }
    for w, v in m.weights.items():
        cols[f"weight_{w}"] = same(_num(v, 3))
    cols["outcome"] = [m.outcomes[int(o)] if o >= 0 else "" for o in runs.outcome]
    cols["leader"] = [m.leaders[int(x)] if x >= 0 else "" for x in runs.leader]
    cols["ended"] = date(runs.ended)
    for v, role in enumerate(m.roles):
        cols[f"role_{role}"] = ["won" if w else "lost" for w in runs.roles[:, v]]
    for kind in DATE_KINDS:
        for j, pid in enumerate(m.leaders):
            cols[f"{kind}_{pid}"] = date(runs.dates[kind][:, j])
    for kind in BLOC_KINDS:
        for j, (bid, _) in enumerate(m.blocs):
            cols[f"{kind}_{bid}"] = date(runs.blocs[kind][:, j])
    for j, pid in enumerate(m.leaders):
        cols[f"prestige_{pid}"] = [_num(v, 1) for v in runs.prestige[:, j]]
    for j, name in enumerate(SERIES):
        cols[name] = [_num(v, 3 if name in ("scissors", "harvest") else 2)
                      for v in runs.final[:, j]]
    return cols


def _num(v, digits: int) -> str:
    x = float(v)
    if x != x:
        return ""
    text = f"{x:.{digits}f}"
    return "0" + text[2:] if text.startswith("-0") and float(text) == 0 else text


def csv_text(tables: list[tuple[Runs, str]]) -> str:
    """One CSV for one or more sets of runs (a comparison, a sweep): the columns are the union,
    in order of first appearance; a column a scenario lacks is left empty."""
    cols = [columns(r, setting) for r, setting in tables]
    header: list[str] = []
    for c in cols:
        header += [k for k in c if k not in header]
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    for c, (r, _) in zip(cols, tables):
        blank = [""] * r.n
        w.writerows(zip(*(c.get(k, blank) for k in header)))
    return out.getvalue()


def write_csv(path, tables: list[tuple[Runs, str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(csv_text(tables))
