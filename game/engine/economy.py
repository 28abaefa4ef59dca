"""The economy and the world, one month (or quarter) at a time.

Prices move towards targets set by policy and the harvest; the scissors (industrial over
agricultural prices) drive the peasants' mood and how much grain they market; the grain the
state procures feeds industry's recovery; unemployment and the scissors drive strikes; the
isolation of the revolution feeds the bureaucracy (the structural argument of 003 and 004, its
strength set by the historiography setting).

Calibration (see scenarios/README.md): with the 1922-23 policies (trusts free to raise prices,
market procurement, NEP maintained) and the good harvest of 1922, industrial prices reach about
140 and agricultural prices fall under 80 by March 1923, as 004 reports; industry recovers
from 25% of 1913 to pre-war output around 1926-27.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from . import rng
from .arith import clip
from .state import IND, State

if TYPE_CHECKING:
    from .game import Game


def level(g: "Game", s: State, policy: str, default: float = 0.0) -> np.ndarray:
    """[B] the level (-1..1) of the option in force for ``policy``."""
    q = g.qidx.get(policy)
    if q is None:
        return np.full(s.batch, default, dtype=np.float32)
    return g.policy_levels[q][s.policy[:, q]]


def _toward(x: np.ndarray, target: np.ndarray, rate: float) -> np.ndarray:
    return x + rate * (target - x)


def step(g: "Game", s: State) -> None:
    """Advance every indicator by one turn."""
    p = g.params
    dt = g.turn_months
    ind = s.ind.astype(np.float64)
    x = {k: ind[:, i] for k, i in IND.items()}          # columns replaced, never changed in place
    prices, procure = level(g, s, "prices"), level(g, s, "procurement")
    invest, nep = level(g, s, "investment", 0.5), level(g, s, "nep")
    _harvest(g, s, x, procure)
    for _ in range(dt):
        target_ind = np.where(prices > 0, p["ind_price_raise"],
                              np.where(prices < 0, p["ind_price_cut"], p["ind_price_hold"]))
        target_ind = target_ind * (1.0 + 0.08 * invest)
        x["industrial_prices"] = _toward(x["industrial_prices"], target_ind, p["ind_price_rate"])
        target_agr = 100.0 * (1.6 - 0.8 * x["harvest"]) + 10.0 * nep - 15.0 * procure
        x["agricultural_prices"] = _toward(x["agricultural_prices"], target_agr,
                                           p["agr_price_rate"])
        scissors = x["industrial_prices"] / np.maximum(x["agricultural_prices"], 1.0)
        mood_t = 62.0 - 22.0 * (scissors - 1.0) - 35.0 * procure + 8.0 * nep \
            + 10.0 * (x["harvest"] - 1.0) * 5.0
        x["peasant_mood"] = _toward(x["peasant_mood"], mood_t, p["mood_rate"])
        marketed_t = 60.0 * x["harvest"] * np.sqrt(np.maximum(x["peasant_mood"], 1) / 60.0) \
            / scissors ** 0.4 * (1.0 + 0.1 * nep)
        x["grain_marketed"] = _toward(x["grain_marketed"], marketed_t, p["grain_rate"])
        x["grain_procured"] = x["grain_marketed"] * (0.55 + 0.4 * procure)
        _industry(p, x, invest)
        unemployment_t = 12.0 - 8.0 * invest + 4.0 * np.maximum(nep, 0) + 3.0 * (prices < 0)
        x["unemployment"] = _toward(x["unemployment"], unemployment_t, 0.05)
        strikes_t = 5.0 + 2.0 * x["unemployment"] + 25.0 * np.maximum(scissors - 1.4, 0) \
            + 0.1 * x["bureaucracy"]
        x["strikes"] = _toward(x["strikes"], strikes_t, 0.2)
        x["kulaks"] = _toward(x["kulaks"], 20.0 + 15.0 * nep - 25.0 * procure
                              + 10.0 * (x["harvest"] - 1.0), 0.05)
        x["nepmen"] = _toward(x["nepmen"], 20.0 + 20.0 * nep - 10.0 * procure, 0.05)
        _world(g, x, level(g, s, "comintern"))
    for k, i in IND.items():
        ind[:, i] = x[k]
    s.ind[:] = clip(ind, 0.0, _CEILING)


# How high each indicator may go (all start at 0): prices 1000, the ones read as percentages
# 100, the rest 200.
_PERCENT = ("peasant_mood", "strikes", "kulaks", "nepmen", "bureaucracy", "world_revolution",
            "isolation")
_CEILING = np.array([1000.0 if "prices" in k else 100.0 if k in _PERCENT else 200.0
                     for k in IND], dtype=np.float64)


def _industry(p, x: dict, invest: np.ndarray) -> None:
    restoring = x["industrial_output"] < 100.0
    grain_factor = clip(x["grain_procured"] / 30.0, 0.5, 1.3)
    g_restore = (p["restoration_growth"] + p["investment_growth"] * invest) * grain_factor
    g_mature = (p["mature_growth"] + p["mature_investment"] * invest) * grain_factor
    growth = np.where(restoring, g_restore, g_mature) - 0.0005 * np.maximum(x["strikes"] - 50, 0)
    x["industrial_output"] = x["industrial_output"] * (1.0 + growth)


def _world(g: "Game", x: dict, comintern: np.ndarray) -> None:
    """The world's prospects fade slowly (an offensive line keeps them up a little);
    isolation follows; isolation breeds bureaucracy."""
    x["world_revolution"] = _toward(x["world_revolution"], 20.0 + 8.0 * comintern, 0.01)
    x["isolation"] = _toward(x["isolation"], 100.0 - x["world_revolution"], 0.05)
    growth = g.params["isolation_bureaucracy"] * (x["isolation"] - 50.0) / 50.0
    x["bureaucracy"] = x["bureaucracy"] + growth * (0.5 + g.structural)


def _harvest(g: "Game", s: State, x: dict, procure: np.ndarray) -> None:
    """Each August the new harvest: weather, and how much the peasants sowed."""
    month = g.month(s.turn) % 12
    months = {(month + i) % 12 for i in range(g.turn_months)}
    if 7 not in months:
        return
    weather = 0.08 * rng.normal(s.seed, s.turn, rng.SITES["harvest"])
    sowing = 0.12 * (x["peasant_mood"] - 50.0) / 50.0 - 0.05 * procure
    x["harvest"] = clip(1.0 + weather + sowing, 0.6, 1.3)
