"""From the runs' columns to the numbers of the report: shares, dates, means, differences.

``summarise(runs)`` and ``compare(a, b)`` return plain dicts (the summary JSON is exactly
these), so the interface, the report and the tests read the same numbers.
"""
from __future__ import annotations

import os

import numpy as np

from . import stats
from .record import BLOC_KINDS, DATE_KINDS, SERIES, Meta, Runs

FAN_QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)

LABELS = {
    "industrial_prices": "Industrial prices (1913 = 100)",
    "agricultural_prices": "Agricultural prices (1913 = 100)",
    "industrial_output": "Industrial output (% of 1913)",
    "grain_marketed": "Grain marketed (% of 1913)",
    "grain_procured": "Grain procured by the state (% of 1913 marketings)",
    "unemployment": "Unemployment (% of urban workers)",
    "strikes": "Strikes (0–100)",
    "peasant_mood": "Peasant mood (0–100)",
    "kulaks": "Weight of the kulaks (0–100)",
    "nepmen": "Weight of the NEPmen (0–100)",
    "bureaucracy": "Bureaucracy (0–100)",
    "world_revolution": "Prospects of world revolution (0–100)",
    "isolation": "Isolation of the revolution (0–100)",
    "harvest": "Harvest (1.0 = normal)",
    "scissors": "The scissors (industrial ÷ agricultural prices)",
}

EVENT_TEXT = {
    "removed": "{} loses his last major post",
    "fell": "{} is removed from the Politburo",
    "expelled": "{} is expelled from the party",
    "died": "{} dies",
    "formed": "{} comes together",
    "broke": "{} breaks up",
}


def _r(x, d: int = 4):
    x = float(x)
    return None if x != x else round(x, d)


def outcome_shares(runs: Runs) -> list[dict]:
    m, n = runs.meta, runs.n
    counts = np.bincount(runs.outcome[runs.outcome >= 0], minlength=len(m.outcomes))
    out = []
    for i, oid in enumerate(m.outcomes):
        ci = stats.wilson(int(counts[i]), n)
        out.append({"id": oid, "name": m.name(oid), "count": int(counts[i]),
                    "share": _r(ci.estimate), "low": _r(ci.low), "high": _r(ci.high)})
    return out


def role_results(runs: Runs) -> list[dict]:
    m, n = runs.meta, runs.n
    out = []
    for v, role in enumerate(m.roles):
        k = int(runs.roles[:, v].sum())
        ci = stats.wilson(k, n)
        out.append({"role": role, "name": m.name(role), "won": k, "share": _r(ci.estimate),
                    "low": _r(ci.low), "high": _r(ci.high)})
    return out


def event_columns(runs: Runs) -> list[tuple[str, str, str, np.ndarray]]:
    """(key, kind, who, turns[B]) for every key event the runs keep."""
    m = runs.meta
    out = []
    for kind in DATE_KINDS:
        for j, pid in enumerate(m.leaders):
            out.append((f"{kind}:{pid}", kind, pid, runs.dates[kind][:, j]))
    for kind in BLOC_KINDS:
        for j, (bid, _) in enumerate(m.blocs):
            out.append((f"{kind}:{bid}", kind, bid, runs.blocs[kind][:, j]))
    return out


def events(runs: Runs) -> list[dict]:
    m, n = runs.meta, runs.n
    out = []
    for key, kind, who, turns in event_columns(runs):
        k = int((turns >= 0).sum())
        ci = stats.wilson(k, n)
        q = stats.month_quantiles(turns)
        row = {"key": key, "kind": kind, "who": who, "label": EVENT_TEXT[kind].format(m.name(who)),
               "count": k, "share": _r(ci.estimate), "low": _r(ci.low), "high": _r(ci.high)}
        for name, t in zip(("q10", "q25", "median", "q75", "q90"), q or [None] * 5):
            row[name] = m.date(t) if t is not None else None
            row[name + "_turn"] = t
        out.append(row)
    return out


def indicators(runs: Runs) -> list[dict]:
    out = []
    for j, name in enumerate(SERIES):
        x = runs.final[:, j].astype(np.float64)
        ci = stats.mean_interval(x)
        q = np.quantile(x, (0.05, 0.5, 0.95)) if x.size else [np.nan] * 3
        out.append({"id": name, "label": LABELS.get(name, name), "mean": _r(ci.estimate, 3),
                    "low": _r(ci.low, 3), "high": _r(ci.high, 3),
                    "sd": _r(x.std(ddof=1) if x.size > 1 else np.nan, 3),
                    "q05": _r(q[0], 3), "q50": _r(q[1], 3), "q95": _r(q[2], 3)})
    return out


def fans(runs: Runs) -> dict:
    """Quantile bands across runs, turn by turn, for every series (games over are left out)."""
    series = {}
    for j, name in enumerate(SERIES):                          # one at a time: small memory
        q = stats.bands(runs.history[:, :, j], FAN_QUANTILES)   # [Q, T]
        series[name] = [[_r(v, 3) for v in row] for row in q]
    running = (~np.isnan(runs.history[:, :, 0])).sum(axis=1)   # [T]
    return {"dates": list(runs.meta.dates), "quantiles": list(FAN_QUANTILES),
            "running": [int(x) for x in running], "series": series}


def leading(runs: Runs) -> dict:
    """Share of games in which each outcome holds (who leads; collapse), turn by turn."""
    m, n = runs.meta, max(runs.n, 1)
    shares = {}
    for i, oid in enumerate(m.outcomes):
        shares[oid] = [_r(v, 4) for v in (runs.leading == i).sum(axis=1) / n]
    return {"dates": list(m.dates), "shares": shares}


def summarise(runs: Runs) -> dict:
    m = runs.meta
    return {"scenario": m.scenario, "title": m.title, "short_title": m.short_title,
            "base": m.base, "runs": runs.n,
            "seeds": [int(runs.seed[0]), int(runs.seed[-1])] if runs.n else [],
            "overrides": m.overrides, "structural": m.structural, "weights": m.weights,
            "difficulty": m.difficulty,
            "rules_version": m.rules_version, "scenario_format": m.scenario_format,
            "first_date": m.dates[0], "last_date": m.dates[-1],
            "outcomes": outcome_shares(runs), "roles": role_results(runs),
            "events": events(runs), "indicators": indicators(runs),
            "leading": leading(runs), "fans": fans(runs)}


def on_one_calendar(summaries: list[dict]) -> tuple[list[str], list[dict]]:
    """The months of every summary together, and each summary's month-by-month bands and
    the turns of its key events placed on them, so two scenarios that cover different months
    share one time axis in the charts, each drawn over its own months (who leads month by
    month keeps each its own chart and months). Summaries on the same months come back as
    they are."""
    own = [s["fans"]["dates"] for s in summaries]
    if all(d == own[0] for d in own):
        return list(own[0]), summaries
    dates = sorted(set().union(*own))
    where = {d: i for i, d in enumerate(dates)}
    placed = []
    for s, mine in zip(summaries, own):
        at = [where[d] for d in mine]

        def spread(values, fill=None):
            row = [fill] * len(dates)
            for t, v in zip(at, values):
                row[t] = v
            return row

        fans_ = dict(s["fans"], dates=dates, running=spread(s["fans"]["running"], 0),
                     series={k: [spread(q) for q in rows]
                             for k, rows in s["fans"]["series"].items()})
        evs = [dict(e, **{k: (at[e[k]] if e[k] is not None else None)
                          for k in e if k.endswith("_turn")}) for e in s["events"]]
        placed.append(dict(s, fans=fans_, events=evs))
    return dates, placed


# ------------------------------------------------------------------ two scenarios

def compare(a: Runs, b: Runs) -> dict:
    """``a`` against ``b`` (the base): differences with intervals, and verdicts in words."""
    na, nb = a.n, b.n
    names = {**b.meta.names, **a.meta.names}
    rows = []
    ids = list(a.meta.outcomes) + [o for o in b.meta.outcomes if o not in a.meta.outcomes]
    for oid in ids:
        ka = int((a.outcome == a.meta.outcomes.index(oid)).sum()) if oid in a.meta.outcomes else 0
        kb = int((b.outcome == b.meta.outcomes.index(oid)).sum()) if oid in b.meta.outcomes else 0
        d = stats.newcombe(ka, na, kb, nb)
        what = ("the share of games ending in collapse" if oid == "collapse" else
                f"the share of games {names.get(oid, oid)} ends up leading")
        verdict = (stats.verdict(d, what) if ka or kb else
                   f"Never under either scenario in these runs (either could still be up to "
                   f"{d.high * 100:.1f} points more than the other).")
        rows.append({"id": oid, "name": "Collapse" if oid == "collapse" else names.get(oid, oid),
                     "share_a": _r(ka / na), "share_b": _r(kb / nb), "diff": _r(d.estimate),
                     "low": _r(d.low), "high": _r(d.high), "verdict": verdict})
    ev_a = {e[0]: e for e in event_columns(a)}
    ev_rows = []
    for key, kind, who, tb in event_columns(b):
        if key not in ev_a:
            continue
        ta = ev_a[key][3]
        ka, kb = int((ta >= 0).sum()), int((tb >= 0).sum())
        if ka == 0 and kb == 0:
            continue
        d = stats.newcombe(ka, na, kb, nb)
        label = EVENT_TEXT[kind].format(a.meta.name(who))
        qa, qb = stats.month_quantiles(ta, (0.5,)), stats.month_quantiles(tb, (0.5,))
        ev_rows.append({"key": key, "label": label, "share_a": _r(ka / na), "share_b": _r(kb / nb),
                        "diff": _r(d.estimate), "low": _r(d.low), "high": _r(d.high),
                        "median_a": a.meta.date(qa[0]) if qa else None,
                        "median_b": b.meta.date(qb[0]) if qb else None,
                        "verdict": stats.verdict(d, f"how often {label[0].lower() + label[1:]}")})
    ind_rows = []
    for j, name in enumerate(SERIES):
        d = stats.welch(a.final[:, j], b.final[:, j])
        digits = 3 if name in ("scissors", "harvest") else 1
        ind_rows.append({"id": name, "label": LABELS.get(name, name),
                         "mean_a": _r(np.nanmean(a.final[:, j]), 3),
                         "mean_b": _r(np.nanmean(b.final[:, j]), 3),
                         "diff": _r(d.estimate, 3), "low": _r(d.low, 3), "high": _r(d.high, 3),
                         "verdict": stats.verdict(d, f"the final {name.replace('_', ' ')}",
                                                  unit="", scale=1.0, negligible=10 ** -digits)
                         .replace(" )", ")").replace("  ", " ")})
    return {"a": a.meta.scenario, "b": b.meta.scenario, "runs_a": na, "runs_b": nb,
            "outcomes": rows, "events": ev_rows, "indicators": ind_rows,
            "headline": headline(*arm_names(a.meta, b.meta), rows, na, nb),
            "caveat": calendar_caveat(a.meta, b.meta)}


def calendar_caveat(a: Meta, b: Meta, short: bool = False) -> str:
    """A warning when the two sides do not cover the same months ("" when they do). Such a
    comparison reads who leads and the indicators at different dates, and counts as a
    difference what one side began too late to see (a what-if of 1924 never sees Lenin
    removed): a teacher who compares a what-if with the whole campaign must be told so."""
    span = lambda m: (m.dates[0], m.dates[-1]) if m.dates else ("", "")      # noqa: E731
    if span(a) == span(b):
        return ""
    if short:                            # the lab screen, above its two charts
        return (f"Careful: these scenarios cover different months ({span(a)[0]} to "
                f"{span(a)[1]} and {span(b)[0]} to {span(b)[1]}), so their differences mix the "
                f"what-if with the calendar.")
    na, nb = arm_names(a, b)
    base = os.path.basename(a.base)                     # as --vs takes it: a scenario's name
    fix = (f" Compare it with its base, {base}, instead." if base and base != b.scenario
           else " Compare scenarios that cover the same months.")
    return (f"Careful: these two scenarios cover different months (“{na}” {span(a)[0]} to "
            f"{span(a)[1]}, “{nb}” {span(b)[0]} to {span(b)[1]}), so the differences below mix "
            f"the what-if with the calendar: who leads and the indicators are read at different "
            f"dates, and what happened before a scenario begins cannot happen in it." + fix)


def arm_names(a: Meta, b: Meta) -> tuple[str, str]:
    """How a comparison names its two sides: by the scenarios' short titles ("What if: Lenin
    lives"), or by id where the two would read the same."""
    if a.short_title and b.short_title and a.short_title != b.short_title:
        return a.short_title, b.short_title
    return a.scenario, b.scenario


def headline(a: str, b: str, rows: list[dict], na: int, nb: int) -> str:
    """The biggest change in who leads, in one paragraph."""
    if not rows:
        return ""
    top = max(rows, key=lambda r: abs(r["diff"] or 0))
    who = ("the alliance collapses" if top["id"] == "collapse"
           else f"{top['name']} ends up leading")
    pts = lambda v: f"{abs(v) * 100:.0f}"                              # noqa: E731
    sure = [r for r in rows if (r["low"] or 0) > 0 or (r["high"] or 0) < 0]
    text = (f"Under “{a}”, {who} in {top['share_a'] * 100:.0f}% of games, against "
            f"{top['share_b'] * 100:.0f}% under “{b}” — {pts(top['diff'])} points "
            f"{'more' if top['diff'] > 0 else 'fewer'} (95% interval "
            f"{top['low'] * 100:+.0f} to {top['high'] * 100:+.0f} points). ")
    if not sure:
        text += (f"With {na:,} and {nb:,} runs, no change in who leads is beyond chance: "
                 "either the what-if makes little difference or more runs are needed.")
    elif len(sure) == 1:
        text += "Of the outcomes, only that change is beyond chance at the 95% level."
    else:
        text += (f"{len(sure)} of the {len(rows)} outcome shares change beyond chance at the "
                 "95% level.")
    return text


# ------------------------------------------------------------------ a sweep

def sweep_table(name: str, settings: list[tuple[float, Runs]]) -> dict:
    """Outcome shares (with intervals) for each value of one setting."""
    outcomes: list[str] = []
    names = {}
    for _, r in settings:
        for o in r.meta.outcomes:
            if o not in outcomes:
                outcomes.append(o)
                names[o] = r.meta.name(o)
    rows = []
    for value, r in settings:
        shares = {}
        for o in outcomes:
            k = int((r.outcome == r.meta.outcomes.index(o)).sum()) if o in r.meta.outcomes else 0
            ci = stats.wilson(k, r.n)
            shares[o] = {"share": _r(ci.estimate), "low": _r(ci.low), "high": _r(ci.high),
                         "count": k}
        rows.append({"value": value, "runs": r.n, "shares": shares})
    return {"setting": name, "outcomes": outcomes, "names": names, "rows": rows}
