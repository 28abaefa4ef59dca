"""The hand-out: ``runs.csv``, ``summary.json``, ``charts/*.svg`` and ``report.html``.

The HTML page needs nothing but a browser (no script, no web fonts); it prints on A4 and
projects well; the charts are separate SVG files a teacher can also paste into slides. The page
does not carry the timing, so the same study gives the same report byte for byte.
"""
from __future__ import annotations

import os
from html import escape
from pathlib import Path

from . import charts
from .summary import LABELS, on_one_calendar
from .svg import CREAM, GREY, INK, RED
from .table import csv_text

FAN_SERIES = ("scissors", "industrial_output", "peasant_mood", "grain_procured",
              "bureaucracy", "unemployment", "strikes", "isolation")
REFERENCES = {"scissors": (1.0, "prices in step, as in 1913")}


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    os.replace(tmp, path)


def chart_files(result) -> dict[str, str]:
    """Chart file name -> SVG text, for this study."""
    kind, st = result.kind, result.study
    dates, sums = on_one_calendar(result.summaries)
    out: dict[str, str] = {}
    first = sums[0]
    runs_txt = f"{st.runs:,} games" + (" each" if kind == "compare" else "")
    if kind == "sweep":
        axis = st.sweep_name + (" (0 = agency: manoeuvre and personalities · 1 = structure: "
                                "social forces and the apparatus)" if st.sweep_name == "structural"
                                else "")
        out["sweep.svg"] = charts.sweep_chart(
            result.sweep, "Who leads at the end, by setting",
            f"{first['title']} · {runs_txt} per setting · 95% bands", axis=axis)
    names = result.names()
    groups = [{"label": n, "rows": s["outcomes"]} for n, s in zip(names, sums)]
    if kind != "sweep":
        out["outcomes.svg"] = charts.outcome_bars(
            groups, "Who leads the party at the end",
            f"{first['title']} · {runs_txt} · bars: share of games · whiskers: 95% interval")
        out["timeline.svg"] = charts.timeline(
            [{"label": n, "events": s["events"]} for n, s in zip(names, sums)], dates,
            "When the key events happened",
            "line: 10–90% of the games where it happened · box: middle half · dot: median")
    for i, (name, s) in enumerate(zip(names, sums)):
        if kind == "sweep" and 0 < i < len(sums) - 1:
            continue                     # a sweep shows its two ends month by month
        lead = s["leading"]
        who = {o["id"]: o["name"] for o in s["outcomes"]}
        out[f"leading_{i + 1}.svg"] = charts.stacked_leading(
            lead["shares"], [o["id"] for o in s["outcomes"]], who, lead["dates"],
            f"Who leads, month by month — {name}",
            "share of games in which each leader stands first (grey: the alliance has collapsed)")
    if kind != "sweep":
        for series in FAN_SERIES:
            fan_groups = [{"label": n, "values": s["fans"]["series"][series],
                           "running": s["fans"]["running"]} for n, s in zip(names, sums)]
            out[f"fan_{series}.svg"] = charts.fan_chart(
                LABELS[series], fan_groups, dates, REFERENCES.get(series),
                "spread across games, month by month (games that collapsed drop out)")
    return out


def write_all(result, out_dir) -> dict[str, str]:
    """Write every file; return {what: path}."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {}
    tables = [(r, a.setting) for r, a in zip(result.runs, result.study.arms)]
    _write(out / "runs.csv", csv_text(tables))
    paths["csv"] = str(out / "runs.csv")
    _write(out / "summary.json", result.json_text())
    paths["summary"] = str(out / "summary.json")
    files = chart_files(result)
    for name, text in files.items():
        _write(out / "charts" / name, text)
    paths["charts"] = str(out / "charts")
    _write(out / "report.html", html(result, list(files)))
    paths["report"] = str(out / "report.html")
    return paths


# ------------------------------------------------------------------ the page

CSS = f"""
@page {{ size: A4; margin: 14mm; }}
body {{ background: {CREAM}; color: {INK}; font-family: 'PT Sans', 'DejaVu Sans', Arial,
  sans-serif; font-size: 16px; line-height: 1.45; max-width: 1000px; margin: 0 auto;
  padding: 24px; }}
h1, h2, h3 {{ font-family: 'PT Serif', 'DejaVu Serif', Georgia, serif; }}
h1 {{ font-size: 34px; margin: 0; border-bottom: 6px solid {RED}; padding-bottom: 8px; }}
h2 {{ font-size: 24px; margin-top: 34px; border-bottom: 2px solid {INK}; }}
.banner {{ background: {RED}; color: {CREAM}; padding: 6px 14px; font-weight: bold;
  letter-spacing: 0.08em; text-transform: uppercase; display: inline-block; margin-bottom: 10px; }}
.meta {{ color: #4a4437; font-size: 15px; }}
.caveat {{ border: 2px solid {RED}; padding: 8px 14px; font-weight: bold; }}
.headline {{ border-left: 6px solid {RED}; background: #fbf6ea; padding: 10px 16px;
  font-size: 18px; }}
img.chart {{ width: 100%; height: auto; border: 1px solid #d8ccb0; margin: 8px 0 4px;
  page-break-inside: avoid; break-inside: avoid; }}
table {{ border-collapse: collapse; width: 100%; margin: 8px 0 18px; font-size: 15px;
  page-break-inside: avoid; }}
th {{ background: {INK}; color: {CREAM}; text-align: left; padding: 5px 8px; }}
td {{ border-bottom: 1px solid #d8ccb0; padding: 4px 8px; vertical-align: top; }}
td.n {{ text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }}
.note {{ color: {GREY}; font-size: 14px; }}
.box {{ border: 2px solid {INK}; padding: 10px 16px; background: #fbf6ea; }}
code {{ background: #efe5cc; padding: 1px 4px; }}
@media print {{ body {{ background: white; max-width: none; padding: 0; }}
  h2 {{ page-break-after: avoid; }} .pagebreak {{ page-break-before: always; }} }}
"""


def _pct(v) -> str:
    return "—" if v is None else f"{v * 100:.1f}%"


def _ci(row) -> str:
    return f"{_pct(row['low'])} – {_pct(row['high'])}"


def _pts(v) -> str:
    return "—" if v is None else f"{v * 100:+.1f}".replace("-", "−")


def _num(v, digits: int = 1) -> str:
    if v is None:
        return "—"
    text = f"{v:,.{digits}f}"
    return ("0" + text[2:] if float(text.replace(",", "")) == 0 and text.startswith("-")
            else text).replace("-", "−")


def _img(name: str, alt: str) -> str:
    return f'<img class="chart" src="charts/{escape(name)}" alt="{escape(alt)}">'


def _table(head: list[str], rows: list[list[str]], numeric: set[int] = frozenset()) -> str:
    th = "".join(f"<th>{escape(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(
        f'<td class="n">{c}</td>' if i in numeric else f"<td>{c}</td>" for i, c in enumerate(r))
        + "</tr>" for r in rows)
    return f"<table><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


def _outcome_table(s: dict) -> str:
    rows = [[escape(o["name"]), f"{o['count']:,}", _pct(o["share"]), _ci(o)]
            for o in s["outcomes"]]
    return _table(["Outcome", "Games", "Share", "95% interval"], rows, {1, 2, 3})


def _event_table(s: dict) -> str:
    rows = []
    for e in s["events"]:
        if not e["count"]:
            continue
        rows.append([escape(e["label"]), _pct(e["share"]), _ci(e), e["median"] or "—",
                     f"{e['q10']} – {e['q90']}"])
    never = [e["label"] for e in s["events"] if not e["count"]]
    out = _table(["Event", "In % of games", "95% interval", "Median date", "10–90% of dates"],
                 rows, {1, 2}) if rows else "<p>None of the key events happened.</p>"
    if never:
        out += f'<p class="note">Never happened in these runs: {escape("; ".join(never))}.</p>'
    return out


def _indicator_table(s: dict) -> str:
    rows = []
    for i in s["indicators"]:
        d = 3 if i["id"] in ("scissors", "harvest") else 1
        rows.append([escape(i["label"]), _num(i["mean"], d),
                     f"{_num(i['low'], d)} – {_num(i['high'], d)}",
                     f"{_num(i['q05'], d)} – {_num(i['q95'], d)}"])
    return _table(["At the end", "Mean", "95% interval of the mean", "5–95% of games"], rows,
                  {1, 2, 3})


def _compare_tables(c: dict, a: str, b: str) -> str:
    out = [f'<p class="caveat">{escape(c["caveat"])}</p>'] if c.get("caveat") else []
    out.append(f'<p class="headline">{escape(c["headline"])}</p>')
    rows = [[escape(r["name"]), _pct(r["share_a"]), _pct(r["share_b"]), _pts(r["diff"]),
             f"{_pts(r['low'])} to {_pts(r['high'])}", escape(r["verdict"])]
            for r in c["outcomes"]]
    out.append(_table(["Who leads at the end", a, b, "Difference (points)", "95% interval",
                       "How sure can we be?"], rows, {1, 2, 3, 4}))
    ev = [[escape(r["label"]), _pct(r["share_a"]), _pct(r["share_b"]), _pts(r["diff"]),
           f"{_pts(r['low'])} to {_pts(r['high'])}", f"{r['median_a'] or '—'} / {r['median_b'] or '—'}"]
          for r in c["events"]]
    if ev:
        out.append(_table(["Key event", a, b, "Difference (points)", "95% interval",
                           "Median date (each)"], ev, {1, 2, 3, 4}))
    ind = [[escape(r["label"]), _num(r["mean_a"], 2), _num(r["mean_b"], 2), _num(r["diff"], 2),
            f"{_num(r['low'], 2)} to {_num(r['high'], 2)}"] for r in c["indicators"]]
    out.append(_table(["Final indicator (mean)", a, b, "Difference", "95% interval"], ind,
                      {1, 2, 3, 4}))
    return "\n".join(out)


def _sweep_table(t: dict) -> str:
    head = [t["setting"]] + [t["names"].get(o, o) for o in t["outcomes"]]
    rows = []
    for r in t["rows"]:
        cells = [f"{r['value']:g}"]
        for o in t["outcomes"]:
            s = r["shares"][o]
            cells.append(f"{_pct(s['share'])}<br><span class='note'>{_ci(s)}</span>")
        rows.append(cells)
    return _table(head, rows, set(range(1, len(head))))


def _settings_text(result) -> str:
    st, s = result.study, result.summaries[0]
    parts = [f"{st.runs:,} games per {'setting' if st.kind == 'sweep' else 'scenario'}",
             f"seeds {st.seed}–{st.seed + st.runs - 1}",
             f"historiography setting {s['structural']:g} (0 = agency, 1 = structure)"]
    if st.weights:
        parts.append("changed: " + ", ".join(f"{k} = {v:g}" for k, v in st.weights.items()))
    if s.get("difficulty"):
        parts.append(f"rivals: {s['difficulty']}")
    parts.append(f"calendar {s['first_date']} to {s['last_date']}")
    return " · ".join(parts)


def html(result, chart_names: list[str]) -> str:
    st, sums = result.study, result.summaries
    first = sums[0]
    labels = result.names()
    if st.kind == "compare":
        title = f"“{labels[0]}” against “{labels[1]}”"
    elif st.kind == "sweep":
        ask = " Which" if first["title"].endswith("?") else ": which"
        title = f"{first['title']}{ask} historians do you believe?"
    else:
        title = first["title"]
    body = ['<div class="banner">Politburo 1922–1929 · what-if lab</div>',
            f"<h1>{escape(title)}</h1>",
            f'<p class="meta">{escape(_settings_text(result))}</p>']
    body.append(_intro(result))
    if st.kind == "sweep":
        body.append("<h2>Who leads at the end, by setting</h2>")
        body.append(_img("sweep.svg", "Outcome shares for each value of the setting"))
        body.append(_sweep_table(result.sweep))
    else:
        body.append("<h2>Who leads the party at the end</h2>")
        body.append(_img("outcomes.svg", "Share of games each leader ends up leading"))
        if st.kind == "compare":
            body.append(_compare_tables(result.comparison, labels[0], labels[1]))
        else:
            body.append(_outcome_table(first))
            body.append(_roles(first))
    leading = [n for n in chart_names if n.startswith("leading_")]
    body.append('<h2 class="pagebreak">Who leads, month by month</h2>')
    body.extend(_img(n, "Share of games in which each leader leads, over time") for n in leading)
    if st.kind != "sweep":
        body.append("<h2>When the key events happened</h2>")
        body.append(_img("timeline.svg", "Timeline of the key events"))
        for name, s in zip(labels, sums):
            if len(sums) > 1:
                body.append(f"<h3>{escape(name)}</h3>")
            body.append(_event_table(s))
        body.append('<h2 class="pagebreak">The economy and the world</h2>')
        body.append('<p>The scissors first: when industrial prices run ahead of agricultural '
                    'ones the peasants stop selling grain, and the alliance of workers and '
                    'peasants is in danger.</p>')
        body.extend(_img(n, n[4:-4].replace("_", " ")) for n in chart_names
                    if n.startswith("fan_"))
        for name, s in zip(labels, sums):
            body.append(f"<h3>At the end — {escape(name)}</h3>")
            body.append(_indicator_table(s))
    else:
        for name, s in zip(labels, sums):
            body.append(f"<h3>{escape(name)}</h3>")
            body.append(_outcome_table(s))
    body.append(_how_to_read(result))
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")


def _intro(result) -> str:
    st = result.study
    if st.kind == "compare":
        first, base = result.names()
        return (f'<p>The lab played <b>{escape(first)}</b> and <b>{escape(base)}</b> '
                f'{st.runs:,} times each, with computer '
                'players in every seat and the same seeds on both sides, so the two columns '
                'differ only by the change the what-if makes.</p>')
    if st.kind == "sweep":
        return ('<p>Historians disagree about why Stalin won: the balance of social forces and '
                'the apparatus (<i>structure</i>) or manoeuvre and personal failings '
                f'(<i>agency</i>). The lab played the scenario {st.runs:,} times at each value '
                f'of <b>{escape(st.sweep_name)}</b>, with the same seeds each time, so a change in '
                'the shares is the setting at work, not luck.</p>')
    return (f'<p>The lab played this scenario {st.runs:,} times with computer players in every '
            'seat. Chance (health, harvests, votes) and the rivals’ choices differ from game to '
            'game; the charts show how often each ending came about.</p>')


def _roles(s: dict) -> str:
    if not s["roles"]:
        return ""
    rows = [[escape(r["name"]), f"{r['won']:,}", _pct(r["share"]), _ci(r)] for r in s["roles"]]
    return "<h3>Each side’s own aims</h3>" + _table(
        ["Side", "Aims met (games)", "Share", "95% interval"], rows, {1, 2, 3})


def _how_to_read(result) -> str:
    st = result.study
    scen = st.arms[0].spec.scenario
    scen = scen if isinstance(scen, str) else getattr(scen, "id", "")
    name = os.path.basename(str(scen))
    for suffix in (".yaml", ".yml"):
        name = name[: -len(suffix)] if name.endswith(suffix) else name
    return f"""
<h2>How to read this report</h2>
<div class="box">
<p><b>95% interval.</b> The range within which the true share (or mean) lies, given the games
played, with 95% confidence. More games make it narrower. When the interval for a difference
between two scenarios does not include zero, the difference is beyond chance.</p>
<p><b>Seeds.</b> Game number <i>i</i> was played with seed {st.seed} + <i>i</i>. Any of them
can be replayed alone, with every vote explained, e.g.
<code>python -m game simulate --scenario {escape(name)} --seed {st.seed}</code>
(with the settings of the <code>overrides</code> column of <code>runs.csv</code> if any were
changed).</p>
<p><b>The files.</b> <code>runs.csv</code> has one row per game (open it in a spreadsheet);
<code>summary.json</code> has every number on this page; the charts are in
<code>charts/</code>.</p>
<p class="note">The model is a model: its numbers are judgements written in the scenario
file, and the computer players are not historical people. Use the spread of outcomes to ask
<i>why</i>, not to settle what <i>would</i> have happened.</p>
</div>
"""


__all__ = ["write_all", "chart_files", "html", "FAN_SERIES"]
