"""The report's charts as SVG, drawn from the summary dicts (see ``summary``).

Poster style: cream paper, red and black ink, large labels that survive a projector and a
black-and-white photocopy (the intervals are drawn, not only coloured).
"""
from __future__ import annotations

from typing import Callable, Optional

from .svg import (COLLAPSE, GREY, INK, PAPER, RED, RULE, SERIF, Svg, nice_ticks,
                  outcome_colour, text_width, tick_label)

GROUP_COLOURS = (RED, INK)          # a what-if against its base: red against black


def _title(svg: Svg, title: str, subtitle: str = "") -> None:
    svg.text(24, 36, title, size=22, weight="bold", family=SERIF)
    if subtitle:
        svg.text(24, 60, subtitle, size=14, italic=True, fill=GREY)


def _legend(svg: Svg, items: list[tuple[str, str]], x: float, y: float, width: float) -> float:
    """Colour keys flowing left to right; returns the y below them."""
    cx, cy = x, y
    for label, colour in items:
        w = 22 + text_width(label, 14) + 22
        if cx + w > x + width and cx > x:
            cx, cy = x, cy + 24
        svg.rect(cx, cy - 12, 16, 14, colour, rx=2)
        svg.text(cx + 22, cy, label, size=14)
        cx += w
    return cy + 24


def _pct(v: Optional[float]) -> str:
    return "—" if v is None else f"{v * 100:.0f}%"


def _date_axis(svg: Svg, dates: list[str], x0: float, x1: float, y: float,
               top: float) -> Callable[[float], float]:
    T = len(dates)
    xt = lambda t: x0 + (x1 - x0) * (t / max(T - 1, 1))            # noqa: E731
    svg.line(x0, y, x1, y, INK, 1.2)
    years = [t for t, d in enumerate(dates) if d.endswith("-01")]
    if not years or (years[0] > 0 and xt(years[0]) - xt(0) > 64):
        years = [0] + years              # label the start unless a new year is just after it
    for t in range(T):
        if T <= 40 or dates[t][5:] in ("01", "04", "07", "10"):
            svg.line(xt(t), y, xt(t), y + 4, INK, 0.8)
    for t in years:
        svg.line(xt(t), top, xt(t), y, RULE, 1.0)
        svg.line(xt(t), y, xt(t), y + 8, INK, 1.2)
        label = dates[t][:4] if dates[t].endswith("-01") else dates[t]
        svg.text(xt(t), y + 24, label, size=14, anchor="middle" if t else "start")
    return xt


# ------------------------------------------------------------------ who leads at the end

def outcome_bars(groups: list[dict], title: str, subtitle: str = "") -> str:
    """Horizontal bars of outcome shares with 95% whiskers; one bar per group per outcome.
    ``groups``: [{"label", "rows": summary outcome rows}]."""
    ids: list[str] = []
    names: dict[str, str] = {}
    for g in groups:
        for r in g["rows"]:
            if r["id"] not in ids:
                ids.append(r["id"])
                names[r["id"]] = r["name"]
    leaders = [i for i in ids if i != "collapse"]
    label_w = max(170, max(text_width(names[i], 16) for i in ids) + 40)
    W, x0 = 940, label_w
    x1 = W - 110
    bar_h, gap = 26, 16
    row_h = len(groups) * bar_h + gap
    top = 84 if subtitle else 64
    H = top + len(ids) * row_h + 56 + (30 if len(groups) > 1 else 0)
    svg = Svg(W, H, title)
    _title(svg, title, subtitle)
    bottom = top + len(ids) * row_h
    for v in (0, 0.25, 0.5, 0.75, 1.0):
        x = x0 + (x1 - x0) * v
        svg.line(x, top - 6, x, bottom, RULE, 1)
        svg.text(x, bottom + 22, f"{v * 100:.0f}%", size=14, anchor="middle")
    svg.line(x0, top - 6, x0, bottom, INK, 1.2)
    for k, oid in enumerate(ids):
        y = top + k * row_h
        svg.text(x0 - 14, y + len(groups) * bar_h / 2 + 6, names[oid], size=16, anchor="end",
                 weight="bold" if oid != "collapse" else "normal")
        for gi, g in enumerate(groups):
            row = next((r for r in g["rows"] if r["id"] == oid), None)
            yy = y + gi * bar_h
            if row is None:
                svg.text(x0 + 6, yy + 18, "not in this scenario", size=13, italic=True, fill=GREY)
                continue
            colour = (outcome_colour(leaders, oid) if len(groups) == 1
                      else GROUP_COLOURS[gi % 2])
            share = row["share"] or 0.0
            svg.rect(x0, yy + 3, (x1 - x0) * share, bar_h - 6, colour)
            lo, hi = row["low"], row["high"]
            ym = yy + bar_h / 2
            xl, xh = x0 + (x1 - x0) * lo, x0 + (x1 - x0) * hi
            svg.line(xl, ym, xh, ym, INK if colour != INK else GREY, 2)
            for xx in (xl, xh):
                svg.line(xx, ym - 7, xx, ym + 7, INK if colour != INK else GREY, 2)
            svg.text(max(xh, x0 + (x1 - x0) * share) + 8, ym + 5, _pct(share), size=15,
                     weight="bold")
    if len(groups) > 1:
        _legend(svg, [(g["label"], GROUP_COLOURS[i % 2]) for i, g in enumerate(groups)],
                x0, bottom + 50, W - x0)
    return svg.render()


# ------------------------------------------------------------------ when things happened

def timeline_keys(groups: list[dict], min_share: float = 0.01,
                  limit: int = 18) -> tuple[list[str], dict[str, dict]]:
    """The key events a timeline shows: the ``limit`` most frequent in any group (at least
    ``min_share`` of its games), in order of their median date; and each key's first row (its
    label and dates). ``groups``: [{"label", "events": summary event rows}]."""
    keys: list[str] = []
    first: dict[str, dict] = {}
    for g in groups:
        for e in g["events"]:
            if (e["share"] or 0) >= min_share and e["key"] not in first:
                keys.append(e["key"])
                first[e["key"]] = e
    best = {k: max((e["share"] or 0) for g in groups for e in g["events"] if e["key"] == k)
            for k in keys}
    keys = sorted(keys, key=lambda k: -best[k])[:limit]             # the most frequent …
    keys.sort(key=lambda k: (first[k]["median_turn"] if first[k]["median_turn"] is not None
                             else 10 ** 6, k))                      # … in order of date
    return keys, first


def timeline(groups: list[dict], dates: list[str], title: str, subtitle: str = "",
             min_share: float = 0.01, limit: int = 18) -> str:
    """For each key event: in how many games it happened, and when (10–90% line, 25–75% box,
    median dot). ``groups``: [{"label", "events": summary event rows}]."""
    keys, first = timeline_keys(groups, min_share, limit)
    W = 1100
    labels = {k: short_label(first[k]["label"]) for k in keys}
    label_w = min(max([text_width(labels[k], 15) for k in keys] + [220]) + 30, 460)
    x0, x1 = label_w, W - 120
    sub_h, gap = 22, 12
    row_h = len(groups) * sub_h + gap
    top = 92 if subtitle else 72
    H = top + max(len(keys), 1) * row_h + 60 + (30 if len(groups) > 1 else 0)
    svg = Svg(W, H, title)
    _title(svg, title, subtitle)
    bottom = top + max(len(keys), 1) * row_h
    svg.text(W - 20, top - 14, "in % of games", size=13, anchor="end", italic=True, fill=GREY)
    xt = _date_axis(svg, dates, x0, x1, bottom, top - 8)
    if not keys:
        svg.text(x0 + 10, top + 20, "None of the key events happened in these runs.", size=15,
                 italic=True)
    for k, key in enumerate(keys):
        y = top + k * row_h
        if k % 2 == 0:
            svg.rect(8, y - 4, W - 16, row_h - gap + 8, PAPER)
        svg.text(x0 - 14, y + len(groups) * sub_h / 2 + 5, labels[key], size=15, anchor="end")
        for gi, g in enumerate(groups):
            e = next((e for e in g["events"] if e["key"] == key), None)
            colour = GROUP_COLOURS[gi % 2]
            ym = y + gi * sub_h + sub_h / 2
            if e is None or not e["count"]:
                svg.text(x0 + 6, ym + 5, "never", size=13, italic=True, fill=colour)
                svg.text(W - 20, ym + 5, "0%", size=14, anchor="end", fill=colour)
                continue
            a, b = xt(e["q10_turn"]), xt(e["q90_turn"])
            svg.line(a, ym, b, ym, colour, 2)
            qa, qb = xt(e["q25_turn"]), xt(e["q75_turn"])
            svg.rect(qa - 1, ym - 6, qb - qa + 2, 12, colour, opacity=0.45)
            svg.circle(xt(e["median_turn"]), ym, 6, colour, stroke=PAPER, sw=1.5)
            svg.text(W - 20, ym + 5, _pct(e["share"]), size=14, anchor="end", weight="bold",
                     fill=colour)
    if len(groups) > 1:
        _legend(svg, [(g["label"], GROUP_COLOURS[i % 2]) for i, g in enumerate(groups)],
                x0, bottom + 52, W - x0)
    return svg.render()


def short_label(text: str, limit: int = 52) -> str:
    """A chart label: parenthetical asides dropped ("The Left Opposition (the 46) comes
    together" -> "The Left Opposition comes together"); a name still too long is cut, the
    verb kept ("Lenin and Trotsky's bloc against… comes together")."""
    import re
    from .summary import EVENT_TEXT
    short = re.sub(r"\s*\([^)]*\)", "", text)
    if len(short) <= limit:
        return short
    verb = next((f[2:] for f in EVENT_TEXT.values() if short.endswith(f[2:])), "")
    name = short[: len(short) - len(verb)]
    keep = max(limit - len(verb) - 1, 8)
    cut = name[:keep]
    cut = cut.rsplit(" ", 1)[0] if " " in cut and name[keep:keep + 1] not in ("", " ") else cut
    return cut.rstrip() + "…" + verb


# ------------------------------------------------------------------ fan charts

def fan_chart(label: str, groups: list[dict], dates: list[str], reference: Optional[tuple] = None,
              subtitle: str = "") -> str:
    """Quantile bands across runs over time: 5–95% light, 25–75% dark, the median a line.
    ``groups``: [{"label", "values": [5 quantiles][T], "running": [T]}]."""
    W, H = 940, 380
    x0, x1, top, bottom = 84, W - 30, 86 if subtitle else 70, H - 64
    svg = Svg(W, H, label)
    _title(svg, label, subtitle)
    vals = [v for g in groups for q in (g["values"][0], g["values"][-1]) for v in q
            if v is not None]
    if reference is not None:
        vals.append(reference[0])
    lo, hi = (min(vals), max(vals)) if vals else (0.0, 1.0)
    pad = (hi - lo) * 0.06 or abs(hi) * 0.1 or 1.0
    ticks = nice_ticks(lo - pad, hi + pad, 5)
    ylo, yhi = ticks[0], ticks[-1]
    ys = lambda v: bottom - (bottom - top) * (v - ylo) / ((yhi - ylo) or 1)   # noqa: E731
    for t in ticks:
        svg.line(x0, ys(t), x1, ys(t), RULE, 1)
        svg.text(x0 - 10, ys(t) + 5, tick_label(t), size=14, anchor="end")
    xt = _date_axis(svg, dates, x0, x1, bottom, top)
    svg.line(x0, top, x0, bottom, INK, 1.2)
    if reference is not None:
        svg.line(x0, ys(reference[0]), x1, ys(reference[0]), INK, 1.4, dash="6 4")
        svg.text(x1 - 4, ys(reference[0]) - 6, reference[1], size=13, anchor="end", italic=True)
    line = lambda q: [(xt(t), ys(v)) for t, v in enumerate(q) if v is not None]  # noqa: E731
    for gi, g in enumerate(groups):
        q = g["values"]
        if gi == 0:                      # the scenario: red bands
            for (a, b), op in (((0, 4), 0.18), ((1, 3), 0.36)):
                upper, lower = line(q[b]), line(q[a])
                if upper:
                    svg.polygon(upper + lower[::-1], RED, opacity=op)
            if line(q[2]):
                svg.polyline(line(q[2]), RED, 2.8)
        else:                            # its base: black lines over the bands
            for i, (sw, dash) in enumerate(((1.2, "2 3"), (1.4, ""), (2.4, "7 4"),
                                            (1.4, ""), (1.2, "2 3"))):
                if line(q[i]):
                    svg.polyline(line(q[i]), INK, sw, dash=dash)
    items = ([(groups[0]["label"] + " (bands)", RED), (groups[1]["label"] + " (lines)", INK)]
             if len(groups) > 1 else [])
    key = ("median · middle half of games · 90% of games" if len(groups) > 1 else
           "line: median · dark band: middle half of games · light band: 90% of games")
    svg.text(x0, H - 14, key, size=13, italic=True, fill=GREY)
    if items:
        _legend(svg, items, W - 380, 36, 370)
    return svg.render()


# ------------------------------------------------------------------ who leads, month by month

def stacked_leading(shares: dict, outcomes: list[str], names: dict, dates: list[str],
                    title: str, subtitle: str = "") -> str:
    """Stacked areas: in what share of games each leader leads (collapse on top)."""
    W, H = 940, 420
    x0, x1, top, bottom = 70, W - 30, 86 if subtitle else 70, H - 100
    svg = Svg(W, H, title)
    _title(svg, title, subtitle)
    xt = _date_axis(svg, dates, x0, x1, bottom, top)
    ys = lambda v: bottom - (bottom - top) * v                     # noqa: E731
    leaders = [o for o in outcomes if o != "collapse"]
    order = leaders + (["collapse"] if "collapse" in outcomes else [])
    T = len(dates)
    base = [0.0] * T
    for oid in order:
        s = shares.get(oid) or [0.0] * T
        upper = [base[t] + (s[t] or 0.0) for t in range(T)]
        if max(s[t] or 0.0 for t in range(T)) > 0:
            pts = [(xt(t), ys(upper[t])) for t in range(T)] + \
                  [(xt(t), ys(base[t])) for t in reversed(range(T))]
            svg.polygon(pts, outcome_colour(leaders, oid) if oid != "collapse" else COLLAPSE,
                        opacity=0.92)
        base = upper
    for v in (0, 0.25, 0.5, 0.75, 1.0):
        svg.line(x0, ys(v), x1, ys(v), PAPER, 0.8, opacity=0.6)
        svg.text(x0 - 10, ys(v) + 5, f"{v * 100:.0f}%", size=14, anchor="end")
    svg.line(x0, top, x0, bottom, INK, 1.2)
    _legend(svg, [(names.get(o, o), outcome_colour(leaders, o)) for o in order],
            x0, bottom + 58, x1 - x0)
    return svg.render()


# ------------------------------------------------------------------ the sweep

def sweep_chart(table: dict, title: str, subtitle: str = "", axis: str = "") -> str:
    """Outcome shares (with 95% bands) against the value of one setting."""
    W, H = 940, 440
    x0, x1, top, bottom = 84, W - 40, 86 if subtitle else 70, H - 110
    svg = Svg(W, H, title)
    _title(svg, title, subtitle)
    values = [r["value"] for r in table["rows"]]
    vlo, vhi = min(values), max(values)
    span = (vhi - vlo) or 1.0
    xs = (lambda v: (x0 + x1) / 2) if vhi == vlo else (lambda v: x0 + 20 + (x1 - x0 - 40) * (v - vlo) / span)
    ys = lambda v: bottom - (bottom - top) * v                     # noqa: E731
    for v in (0, 0.25, 0.5, 0.75, 1.0):
        svg.line(x0, ys(v), x1, ys(v), RULE, 1)
        svg.text(x0 - 10, ys(v) + 5, f"{v * 100:.0f}%", size=14, anchor="end")
    svg.line(x0, top, x0, bottom, INK, 1.2)
    svg.line(x0, bottom, x1, bottom, INK, 1.2)
    for v in values:
        svg.line(xs(v), bottom, xs(v), bottom + 6, INK, 1.2)
        svg.text(xs(v), bottom + 24, f"{v:g}", size=14, anchor="middle")
    svg.text((x0 + x1) / 2, bottom + 50, axis or table["setting"], size=15, anchor="middle",
             weight="bold")
    leaders = [o for o in table["outcomes"] if o != "collapse"]
    for oid in table["outcomes"]:
        colour = outcome_colour(leaders, oid)
        rows = [(r["value"], r["shares"][oid]) for r in table["rows"]]
        if len(rows) > 1:
            band = [(xs(v), ys(s["high"])) for v, s in rows] + \
                   [(xs(v), ys(s["low"])) for v, s in reversed(rows)]
            svg.polygon(band, colour, opacity=0.14)
            svg.polyline([(xs(v), ys(s["share"])) for v, s in rows], colour, 2.6)
        for v, s in rows:
            svg.line(xs(v), ys(s["low"]), xs(v), ys(s["high"]), colour, 1.6)
            svg.circle(xs(v), ys(s["share"]), 5, colour, stroke=PAPER, sw=1.5)
    _legend(svg, [(table["names"].get(o, o), outcome_colour(leaders, o))
                  for o in table["outcomes"]], x0, H - 24, x1 - x0)
    return svg.render()

