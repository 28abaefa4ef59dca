"""Two scenarios that cover different months (a what-if of 1924 against the whole campaign):
the lab says so before any difference, and its charts draw each over its own months on one
time axis."""
from __future__ import annotations

import dataclasses

import pytest
from lab_fixtures import FIXTURES, TINY

from game.lab.report import chart_files
from game.lab.study import make_study, run_study
from game.lab.summary import calendar_caveat, on_one_calendar
from game.lab.text import comparison

TINY_1924 = str(FIXTURES / "tiny_1924.yaml")      # the tiny scenario's second year alone


@pytest.fixture(scope="module")
def late_against_whole():
    return run_study(make_study(TINY_1924, TINY, runs=6, seed=3), workers=1)


def test_a_comparison_of_different_months_warns_before_any_difference(late_against_whole):
    caveat = late_against_whole.comparison["caveat"]
    assert "cover different months" in caveat
    assert "1924-01 to 1924-12" in caveat and "1923-01 to 1924-12" in caveat
    assert caveat.endswith("Compare scenarios that cover the same months.")
    assert comparison(late_against_whole.comparison, "a", "b").startswith("Careful:")


def test_a_what_if_compared_with_another_scenario_is_pointed_to_its_base(late_against_whole):
    late, whole = (r.meta for r in late_against_whole.runs)
    other = dataclasses.replace(whole, scenario="campaign")
    assert calendar_caveat(late, other).endswith("Compare it with its base, tiny, instead.")
    assert calendar_caveat(late, other, short=True).startswith("Careful: these scenarios")


def test_a_comparison_of_the_same_months_has_no_warning(compare_result):
    assert compare_result.comparison["caveat"] == ""


def test_each_scenario_is_charted_over_its_own_months_on_one_axis(late_against_whole):
    late, whole = late_against_whole.summaries
    dates, (late_on, whole_on) = on_one_calendar([late, whole])
    assert dates == whole["fans"]["dates"] and len(dates) == 24
    median = late_on["fans"]["series"]["scissors"][2]
    assert median[:12] == [None] * 12                        # 1923: before it begins
    assert median[12:] == late["fans"]["series"]["scissors"][2]
    assert whole_on["fans"] == whole["fans"]
    for before, after in zip(late["events"], late_on["events"]):
        if before["median_turn"] is not None:                # the same month, read anew
            assert dates[after["median_turn"]] == before["median"]


def test_the_same_months_come_back_untouched(compare_result):
    dates, placed = on_one_calendar(compare_result.summaries)
    assert placed is compare_result.summaries
    assert dates == compare_result.summaries[0]["fans"]["dates"]


def test_the_charts_of_different_months_are_drawn(late_against_whole):
    files = chart_files(late_against_whole)
    assert {"timeline.svg", "fan_scissors.svg"} <= set(files)
