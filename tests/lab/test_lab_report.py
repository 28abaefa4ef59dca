"""The hand-out: CSV, summary JSON, SVG charts and an HTML page that shows every chart."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

from lab_fixtures import RUNS, TINY

from game.lab.study import make_study, run_study


def _written(result, tmp_path):
    paths = result.write(tmp_path)
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    charts = sorted(p.name for p in (tmp_path / "charts").iterdir())
    return paths, html, charts


def _check_page(html: str, charts: list[str], tmp_path) -> None:
    referenced = re.findall(r'<img class="chart" src="charts/([^"]+)"', html)
    assert sorted(referenced) == charts, "every chart is on the page, and only those"
    for name in charts:
        svg = (tmp_path / "charts" / name).read_text(encoding="utf-8")
        root = ET.fromstring(svg)                                  # well-formed XML
        assert root.tag.endswith("svg") and root.find("{http://www.w3.org/2000/svg}title") is not None
        assert "#B22222" in svg and "#F4ECD8" in svg               # the poster palette
    assert "/tmp/" not in html and "/work/" not in html and "\\" not in html


def test_a_report_has_the_csv_the_summary_and_every_chart_on_its_page(tiny_result, tmp_path):
    paths, html, charts = _written(tiny_result, tmp_path)
    for key in ("csv", "summary", "report"):
        assert (tmp_path / paths[key].split("/")[-1]).exists()
    assert {"outcomes.svg", "timeline.svg", "leading_1.svg", "fan_scissors.svg"} <= set(charts)
    _check_page(html, charts, tmp_path)
    assert "Who leads the party at the end" in html and "95% interval" in html
    csv_lines = (tmp_path / "runs.csv").read_text(encoding="utf-8").splitlines()
    assert len(csv_lines) == RUNS + 1
    summary = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    arm = summary["arms"][0]["summary"]
    assert summary["runs"] == RUNS and arm["scenario"] == "tiny"
    assert sum(o["count"] for o in arm["outcomes"]) == RUNS
    assert len(arm["fans"]["series"]["scissors"]) == 5              # five quantile bands


def test_the_same_study_gives_the_same_report(tiny_result, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    tiny_result.write(a)
    tiny_result.write(b)
    for name in ("report.html", "runs.csv", "charts/outcomes.svg", "charts/fan_scissors.svg"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_a_comparison_report_shows_both_scenarios_and_the_differences(compare_result, tmp_path):
    _, html, charts = _written(compare_result, tmp_path)
    _check_page(html, charts, tmp_path)
    assert {"leading_1.svg", "leading_2.svg"} <= set(charts)
    # the page names the two sides as the game's lists do: by short title, or a name made
    # from the id where the file has none
    assert "<h1>“What if: Trotsky popular” against “Tiny”</h1>" in html
    fan = (tmp_path / "charts" / "fan_scissors.svg").read_text(encoding="utf-8")
    assert "What if: Trotsky popular (bands)" in fan and "Tiny (lines)" in fan
    assert "How sure can we be?" in html
    c = compare_result.comparison
    assert c["a"] == "trotsky_popular" and c["b"] == "tiny"
    assert c["headline"].startswith("Under “What if: Trotsky popular”,") and "under “Tiny”" in c["headline"]
    for row in c["outcomes"]:
        assert row["low"] <= row["diff"] <= row["high"]
    rows = (tmp_path / "runs.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert sum(",trotsky_popular," in r for r in rows) == 12
    assert sum(",tiny," in r for r in rows) == 12


def test_a_sweep_report_has_a_table_and_chart_of_outcome_shares_per_setting(tmp_path):
    study = make_study(TINY, runs=4, seed=1, sweep="structural=0,1")
    result = run_study(study, workers=1)
    _, html, charts = _written(result, tmp_path)
    _check_page(html, charts, tmp_path)
    assert "sweep.svg" in charts
    assert "<h1>Tiny test scenario: which historians do you believe?</h1>" in html
    rows = result.sweep["rows"]
    assert [r["value"] for r in rows] == [0.0, 1.0]
    for r in rows:
        assert sum(s["count"] for s in r["shares"].values()) == 4
    csv_rows = (tmp_path / "runs.csv").read_text(encoding="utf-8").splitlines()
    assert len(csv_rows) == 9 and sum("structural=1" in r for r in csv_rows) == 4
