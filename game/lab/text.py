"""The lab's results as text for a terminal: aligned tables with their intervals."""
from __future__ import annotations

import textwrap


def pct(v) -> str:
    return "—" if v is None else f"{v * 100:.1f}%"


def ci(row, low="low", high="high") -> str:
    return f"{pct(row[low])}–{pct(row[high])}"


def pts(v) -> str:
    return "—" if v is None else f"{v * 100:+.1f}"


def table(head: list[str], rows: list[list[str]], right: set[int] = frozenset(),
          indent: str = "  ") -> str:
    widths = [max(len(str(r[i])) for r in [head] + rows) for i in range(len(head))]
    fmt = lambda r: indent + "  ".join(                                    # noqa: E731
        str(c).rjust(widths[i]) if i in right else str(c).ljust(widths[i])
        for i, c in enumerate(r)).rstrip()
    return "\n".join([fmt(head), indent + "  ".join("-" * w for w in widths)]
                     + [fmt(r) for r in rows])


def outcomes(s: dict) -> str:
    rows = [[o["name"], f"{o['count']:,}", pct(o["share"]), ci(o)] for o in s["outcomes"]]
    return table(["Who leads at the end", "games", "share", "95% interval"], rows, {1, 2, 3})


def events(s: dict, limit: int = 20) -> str:
    happened = sorted((e for e in s["events"] if e["count"]), key=lambda e: -e["count"])
    if not happened:
        return "  None of the key events happened."
    rows = [[e["label"], pct(e["share"]), ci(e), e["median"], f"{e['q10']} to {e['q90']}"]
            for e in sorted(happened[:limit], key=lambda e: (e["median_turn"], e["key"]))]
    more = len(happened) - limit
    return table(["Key event", "in games", "95% interval", "median", "10–90% of dates"],
                 rows, {1, 2}) + (f"\n  … and {more} rarer ones (see summary.json)" if more > 0 else "")


def indicators(s: dict) -> str:
    rows = []
    for i in s["indicators"]:
        d = 3 if i["id"] in ("scissors", "harvest") else 1
        f = lambda v: "—" if v is None else f"{v:.{d}f}"                  # noqa: E731
        rows.append([i["id"].replace("_", " "), f(i["mean"]), f"{f(i['low'])} to {f(i['high'])}",
                     f"{f(i['q05'])} to {f(i['q95'])}"])
    return table(["Final indicator", "mean", "95% interval", "5–95% of games"], rows,
                 {1, 2, 3})


def comparison(c: dict, a: str, b: str) -> str:
    rows = [[r["name"], pct(r["share_a"]), pct(r["share_b"]), pts(r["diff"]),
             f"{pts(r['low'])} to {pts(r['high'])}"] for r in c["outcomes"]]
    out = [textwrap.fill(c["caveat"], 100), ""] if c.get("caveat") else []
    out.append(table(["Who leads at the end", a, b, "difference (points)", "95% interval"], rows,
                     {1, 2, 3, 4}))
    out.append("")
    out += ["  " + r["verdict"] for r in c["outcomes"] if r["share_a"] or r["share_b"]]
    ev = [[r["label"], pct(r["share_a"]), pct(r["share_b"]), pts(r["diff"]),
           f"{pts(r['low'])} to {pts(r['high'])}"] for r in c["events"]]
    if ev:
        out += ["", table(["Key event", a, b, "difference (points)", "95% interval"], ev[:16],
                          {1, 2, 3, 4})]
    ind = [[r["id"].replace("_", " "), f"{r['mean_a']:.2f}", f"{r['mean_b']:.2f}",
            f"{r['diff']:+.2f}", f"{r['low']:+.2f} to {r['high']:+.2f}"]
           for r in c["indicators"] if r["diff"] is not None]
    out += ["", table(["Final indicator (mean)", a, b, "difference", "95% interval"], ind,
                      {1, 2, 3, 4})]
    out += ["", "Verdict: " + c["headline"]]
    return "\n".join(out)


def sweep(t: dict) -> str:
    head = [t["setting"]] + [t["names"].get(o, o) for o in t["outcomes"]]
    rows = []
    for r in t["rows"]:
        rows.append([f"{r['value']:g}"] + [f"{pct(r['shares'][o]['share'])} "
                                          f"({ci(r['shares'][o])})" for o in t["outcomes"]])
    return table(head, rows, set(range(1, len(head))))
