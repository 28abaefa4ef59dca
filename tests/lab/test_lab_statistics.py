"""The lab's intervals: published values, coverage on simulated draws, and a scenario whose
answer is known in advance."""
from __future__ import annotations

import math

import numpy as np
import pytest

from game.lab import stats
from game.lab.study import make_study, run_study

from lab_fixtures import STALIN_ALONE

Z = stats.z_value()


# ---------------------------------------------------------------- exact values

def test_the_95_percent_normal_quantile_is_1_96():
    assert Z == pytest.approx(1.959964, abs=1e-6)


def test_wilson_interval_matches_newcombe_1998():
    # Newcombe (1998), Statistics in Medicine 17:857, table I: 81/263 -> 0.2553 to 0.3662
    ci = stats.wilson(81, 263)
    assert (round(ci.low, 4), round(ci.high, 4)) == (0.2553, 0.3662)
    # 15/148 -> 0.0624 to 0.1605; 0/20 -> 0 to 0.1611; 1/29 -> 0.0061 to 0.1718
    assert tuple(round(x, 4) for x in (stats.wilson(15, 148).low, stats.wilson(15, 148).high)) \
        == (0.0624, 0.1605)
    assert (stats.wilson(0, 20).low, round(stats.wilson(0, 20).high, 4)) == (0.0, 0.1611)
    assert tuple(round(x, 4) for x in (stats.wilson(1, 29).low, stats.wilson(1, 29).high)) \
        == (0.0061, 0.1718)


def test_wilson_interval_at_all_games_is_n_over_n_plus_z_squared_to_one():
    for n in (10, 24, 1000):
        ci = stats.wilson(n, n)
        assert ci.high == 1.0
        assert ci.low == pytest.approx(n / (n + Z * Z), abs=1e-12)


def test_difference_of_shares_matches_newcombe_1998_method_10():
    # Newcombe (1998), Statistics in Medicine 17:873, example (a): 56/70 - 48/80
    d = stats.newcombe(56, 70, 48, 80)
    assert d.estimate == pytest.approx(0.2)
    assert (round(d.low, 4), round(d.high, 4)) == (0.0524, 0.3339)
    # examples (b) 9/10 - 3/10, (d) 5/56 - 0/29 and (e) 0/10 - 0/20
    for counts, expected in (((9, 10, 3, 10), (0.1705, 0.8090)),
                             ((5, 56, 0, 29), (-0.0381, 0.1926)),
                             ((0, 10, 0, 20), (-0.1611, 0.2775))):
        d = stats.newcombe(*counts)
        assert (round(d.low, 4), round(d.high, 4)) == expected


@pytest.mark.parametrize("df, t", [(1, 12.7062), (2, 4.3027), (5, 2.5706), (10, 2.2281),
                                   (30, 2.0423), (120, 1.9799)])
def test_student_t_quantiles_match_the_tables(df, t):
    assert stats.t_value(df) == pytest.approx(t, abs=1e-4)


def test_mean_interval_of_a_small_sample_by_hand():
    x = [2.0, 4.0, 6.0, 8.0]            # mean 5, sd sqrt(20/3), t(3) = 3.182446
    ci = stats.mean_interval(x)
    half = 3.182446 * math.sqrt(20 / 3) / 2
    assert ci.estimate == 5.0
    assert (ci.low, ci.high) == (pytest.approx(5 - half, abs=1e-5), pytest.approx(5 + half, abs=1e-5))


def test_welch_interval_by_hand():
    a, b = [1.0, 2.0, 3.0, 4.0, 5.0], [2.0, 4.0, 6.0]
    va, vb = 2.5 / 5, 4.0 / 3
    df = (va + vb) ** 2 / (va ** 2 / 4 + vb ** 2 / 2)
    half = stats.t_value(df) * math.sqrt(va + vb)
    d = stats.welch(a, b)
    assert d.estimate == pytest.approx(-1.0)
    assert d.low == pytest.approx(-1.0 - half) and d.high == pytest.approx(-1.0 + half)


def test_date_quantiles_are_months_some_game_saw_and_ignore_games_where_it_never_happened():
    turns = np.array([-1, 5, 7, -1, 9, 30])
    assert stats.month_quantiles(turns, (0.5,)) == [7]
    assert stats.month_quantiles(np.array([-1, -1])) == []


def test_bands_ignore_games_that_are_over():
    v = np.array([[1.0, 2.0, 3.0, np.nan], [np.nan] * 4])
    q = stats.bands(v, (0.0, 0.5, 1.0))
    assert list(q[:, 0]) == [1.0, 2.0, 3.0]
    assert np.isnan(q[:, 1]).all()
    rng = np.random.default_rng(3)
    w = rng.normal(size=(5, 101))
    assert np.allclose(stats.bands(w, (0.05, 0.5, 0.95)), np.quantile(w, (0.05, 0.5, 0.95), axis=1))


def test_verdicts_in_plain_words():
    assert stats.verdict(stats.Interval(0.15, 0.13, 0.17), "x").startswith("Clear: x is higher")
    assert stats.verdict(stats.Interval(-0.03, -0.05, -0.01), "x").startswith("Real but small")
    assert stats.verdict(stats.Interval(0.02, -0.03, 0.07), "x").startswith("We cannot tell")
    assert stats.verdict(stats.Interval(0.0, -0.01, 0.01), "x").startswith("No difference")


# ---------------------------------------------------------------- coverage

def _bernoulli_counts(p: float, n: int, reps: int, seed: int) -> np.ndarray:
    rng = np.random.Generator(np.random.PCG64(seed))
    return (rng.random((reps, n)) < p).sum(axis=1)


def test_wilson_intervals_cover_the_true_share_about_95_percent_of_the_time():
    p, n = 0.3, 200
    ks = _bernoulli_counts(p, n, 4000, seed=20240601)
    hit = [stats.wilson(int(k), n) for k in ks]
    coverage = np.mean([c.low <= p <= c.high for c in hit])
    assert 0.935 <= coverage <= 0.965, coverage


def test_wilson_coverage_holds_for_a_rare_outcome_too():
    p, n = 0.03, 100            # where the textbook p ± 1.96 se interval fails badly
    ks = _bernoulli_counts(p, n, 4000, seed=7)
    coverage = np.mean([stats.wilson(int(k), n).low <= p <= stats.wilson(int(k), n).high
                        for k in ks])
    assert 0.92 <= coverage <= 0.98, coverage


def test_difference_intervals_cover_the_true_difference_about_95_percent_of_the_time():
    p1, p2, n = 0.45, 0.30, 150
    k1 = _bernoulli_counts(p1, n, 3000, seed=11)
    k2 = _bernoulli_counts(p2, n, 3000, seed=12)
    cover = [stats.newcombe(int(a), n, int(b), n) for a, b in zip(k1, k2)]
    coverage = np.mean([c.low <= p1 - p2 <= c.high for c in cover])
    assert 0.935 <= coverage <= 0.965, coverage


def test_mean_intervals_cover_the_true_mean_about_95_percent_of_the_time():
    rng = np.random.Generator(np.random.PCG64(99))
    draws = rng.normal(5.0, 2.0, size=(4000, 12))
    coverage = np.mean([(lambda c: c.low <= 5.0 <= c.high)(stats.mean_interval(x)) for x in draws])
    assert 0.935 <= coverage <= 0.965, coverage


# ---------------------------------------------------------------- a known answer

def test_when_the_rivals_cannot_act_stalin_leads_every_game_and_the_interval_says_so():
    n = 12
    result = run_study(make_study(STALIN_ALONE, runs=n, seed=1), workers=1)
    shares = {o["id"]: o for o in result.summaries[0]["outcomes"]}
    assert shares["stalin"]["count"] == n and shares["stalin"]["share"] == 1.0
    assert shares["stalin"]["high"] == 1.0
    assert shares["stalin"]["low"] == pytest.approx(n / (n + Z * Z), abs=1e-4)
    for rival in ("trotsky", "zinoviev", "kamenev", "collapse"):
        assert shares[rival]["count"] == 0
        assert shares[rival]["high"] == pytest.approx(Z * Z / (n + Z * Z), abs=1e-4)
