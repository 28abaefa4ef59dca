"""The lab's statistics: intervals a teacher can quote, with no dependency beyond the stdlib.

Every interval is a 95% interval unless ``level`` says otherwise.

- a share (k games of n): Wilson's score interval, which behaves at 0% and 100% where the
  textbook p ± 1.96·se does not;
- a difference of two shares: Newcombe's hybrid score interval (his method 10), built from the
  two Wilson intervals;
- a mean: Student's t; a difference of two means: Welch's t with Satterthwaite's degrees of
  freedom (the two scenarios need not have the same spread);
- quantiles of dates are taken among the games where the thing happened ("inverted CDF": a
  quantile is always a month some game actually saw).

``verdict`` turns an interval for a difference into a sentence.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from statistics import NormalDist

import numpy as np

LEVEL = 0.95


def z_value(level: float = LEVEL) -> float:
    """The normal quantile for a two-sided interval: 1.959964 for 95%."""
    return NormalDist().inv_cdf(0.5 + level / 2)


@dataclass(frozen=True)
class Interval:
    estimate: float
    low: float
    high: float

    def as_dict(self, digits: int = 4) -> dict:
        return {"estimate": round(self.estimate, digits), "low": round(self.low, digits),
                "high": round(self.high, digits)}


# ------------------------------------------------------------------------ shares

def wilson(k: int, n: int, level: float = LEVEL) -> Interval:
    """Wilson's score interval for a share of ``k`` in ``n`` (n = 0: the whole of 0..1)."""
    if n <= 0:
        return Interval(float("nan"), 0.0, 1.0)
    z = z_value(level)
    p = k / n
    z2n = z * z / n
    centre = (p + z2n / 2) / (1 + z2n)
    half = z * math.sqrt(p * (1 - p) / n + z2n / (4 * n)) / (1 + z2n)
    low = 0.0 if k <= 0 else max(0.0, centre - half)      # exact at the ends
    high = 1.0 if k >= n else min(1.0, centre + half)
    return Interval(p, low, high)


def newcombe(k1: int, n1: int, k2: int, n2: int, level: float = LEVEL) -> Interval:
    """Difference of two shares ``k1/n1 - k2/n2``: Newcombe (1998) method 10."""
    a, b = wilson(k1, n1, level), wilson(k2, n2, level)
    p1, p2 = a.estimate, b.estimate
    d = p1 - p2
    low = d - math.sqrt((p1 - a.low) ** 2 + (b.high - p2) ** 2)
    high = d + math.sqrt((a.high - p1) ** 2 + (p2 - b.low) ** 2)
    return Interval(d, max(-1.0, low), min(1.0, high))


# ------------------------------------------------------------------------ Student's t

def _betacf(a: float, b: float, x: float) -> float:
    """Continued fraction of the incomplete beta function (Lentz's method)."""
    tiny, qab, qap, qam = 1e-300, a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 400):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < 1e-15:
            break
    return h


def _betainc(a: float, b: float, x: float) -> float:
    """The regularised incomplete beta function I_x(a, b)."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    ln = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    front = math.exp(ln)
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _betacf(a, b, x) / a
    return 1.0 - front * _betacf(b, a, 1.0 - x) / b


def t_two_sided_p(t: float, df: float) -> float:
    """P(|T| > t) for Student's t with ``df`` degrees of freedom."""
    return _betainc(df / 2.0, 0.5, df / (df + t * t))


@lru_cache(maxsize=1024)
def t_value(df: float, level: float = LEVEL) -> float:
    """The t quantile for a two-sided interval (2.228139 for 10 df at 95%)."""
    if not df > 0 or math.isinf(df):
        return z_value(level)
    alpha = 1.0 - level
    lo, hi = 0.0, max(10.0, z_value(level))
    while t_two_sided_p(hi, df) > alpha:
        hi *= 2.0
    for _ in range(200):
        mid = (lo + hi) / 2
        if t_two_sided_p(mid, df) > alpha:
            lo = mid
        else:
            hi = mid
        if hi - lo < 1e-12 * max(1.0, hi):
            break
    return (lo + hi) / 2


# ------------------------------------------------------------------------ means

def mean_interval(values, level: float = LEVEL) -> Interval:
    """Mean with Student's t interval (NaNs are games where the value does not exist)."""
    x = np.asarray(values, dtype=np.float64)
    x = x[~np.isnan(x)]
    n = x.size
    if n == 0:
        return Interval(float("nan"), float("nan"), float("nan"))
    m = float(x.mean())
    if n == 1:
        return Interval(m, float("nan"), float("nan"))
    half = t_value(n - 1, level) * float(x.std(ddof=1)) / math.sqrt(n)
    return Interval(m, m - half, m + half)


def welch(a, b, level: float = LEVEL) -> Interval:
    """Difference of means ``mean(a) - mean(b)`` with Welch's interval."""
    x = np.asarray(a, dtype=np.float64)
    y = np.asarray(b, dtype=np.float64)
    x, y = x[~np.isnan(x)], y[~np.isnan(y)]
    if x.size < 2 or y.size < 2:
        return Interval(float("nan"), float("nan"), float("nan"))
    vx, vy = float(x.var(ddof=1)) / x.size, float(y.var(ddof=1)) / y.size
    d = float(x.mean() - y.mean())
    se2 = vx + vy
    if se2 == 0.0:
        return Interval(d, d, d)
    df = se2 * se2 / (vx * vx / (x.size - 1) + vy * vy / (y.size - 1))
    half = t_value(df, level) * math.sqrt(se2)
    return Interval(d, d - half, d + half)


# ------------------------------------------------------------------------ quantiles

def month_quantiles(turns, qs=(0.1, 0.25, 0.5, 0.75, 0.9)) -> list[int]:
    """Quantiles of the turns at which something happened (-1 = never; those are left out).
    Each is a turn some game actually saw; an empty list if it never happened."""
    t = np.asarray(turns)
    t = t[t >= 0]
    if t.size == 0:
        return []
    return [int(v) for v in np.quantile(t, qs, method="inverted_cdf")]


def bands(values: np.ndarray, qs) -> np.ndarray:
    """Quantiles along the last axis ignoring NaNs (linear interpolation), vectorised:
    ``values`` [..., n] -> [len(qs), ...]; all-NaN slices give NaN."""
    v = np.sort(np.asarray(values, dtype=np.float64), axis=-1)   # NaNs sort last
    n = (~np.isnan(v)).sum(axis=-1)
    out = np.full((len(qs),) + v.shape[:-1], np.nan)
    ok = n > 0
    for i, q in enumerate(qs):
        pos = q * np.maximum(n - 1, 0)
        lo = np.floor(pos).astype(np.int64)
        hi = np.minimum(lo + 1, np.maximum(n - 1, 0))
        frac = pos - lo
        vlo = np.take_along_axis(v, lo[..., None], axis=-1)[..., 0]
        vhi = np.take_along_axis(v, hi[..., None], axis=-1)[..., 0]
        out[i] = np.where(ok, vlo + (vhi - vlo) * frac, np.nan)
    return out


# ------------------------------------------------------------------------ words

def verdict(d: Interval, what: str, unit: str = "points", scale: float = 100.0,
            negligible: float = 2.0) -> str:
    """How sure we can be of a difference, in plain words. ``d`` is in raw units (a share
    difference of 0.05 is 5 points with the default ``scale``)."""
    est, lo, hi = d.estimate * scale, d.low * scale, d.high * scale
    if any(math.isnan(v) for v in (est, lo, hi)):
        return f"We cannot say anything about {what}: too few games."
    span = f"(95% interval {_signed(lo)} to {_signed(hi)} {unit})"
    if lo > 0 or hi < 0:
        way = "higher" if est > 0 else "lower"
        near = min(abs(lo), abs(hi))
        if near >= 5 or near >= 2.5 * negligible:
            return f"Clear: {what} is {way} by about {abs(est):.0f} {unit} {span}."
        return (f"Real but small: {what} is {way} by about {abs(est):.1f} {unit} {span}; "
                f"the direction is sure, the size is modest.")
    if max(abs(lo), abs(hi)) < negligible:
        return f"No difference that matters in {what}: any change is under {negligible:g} {unit} {span}."
    return (f"We cannot tell whether {what} changes {span}; more runs would narrow the "
            f"interval.")


def _signed(v: float) -> str:
    return f"{v:+.1f}".replace("-", "−")
