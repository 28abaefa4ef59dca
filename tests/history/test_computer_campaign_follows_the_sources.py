"""The computer-played campaign follows the sources: with the rivals at every seat, the blocs
form when and against whom the texts say, and the grain line is not settled before its crisis.

The what-if lab compares a what-if with this baseline, so the baseline must look like the
1920s: the triumvirate forms during Lenin's illness (004: "In December 1922, Zinoviev ... and
Kamenev ... formed a secret faction with Stalin"), the Leningrad Opposition after Trotsky's
defeat and the break of the triumvirate (001: "With Trotsky defeated, Stalin then turned on
Zinoviev and Kamenev"), and grain is bought on the market until a procurement crisis (002:
"persuasion instead of force"). The shares are read on a modest batch of seeded games with a
margin far wider than a few dozen games can stray (the comments give them over 300 games);
what the scenario's ``when`` conditions enforce holds in every game.
"""
from __future__ import annotations

from functools import lru_cache
from types import SimpleNamespace

import numpy as np

from game.ai.play import play
from game.content.loader import load_scenario
from game.engine import power
from game.engine.game import Game
from game.engine.state import BODY, IND

GAMES = 60
# the posts whose loss dates each man's defeat: Trotsky's army (January 1925, 003), and the
# Right's Pravda, Sovnarkom and the unions (1929-30, general history)
POSTS = {"trotsky": "war_commissar", "bukharin": "pravda_editor", "rykov": "sovnarkom_chair",
         "tomsky": "trade_unions"}


@lru_cache(maxsize=1)
def campaigns() -> SimpleNamespace:
    """What GAMES computer campaigns did: the first turn of each thing ([B], -1: never)."""
    g = Game(load_scenario("campaign"))
    B = GAMES
    first = {k: np.full(B, -1) for k in ("tri_started", "triumvirs", "tri_broke", "lo_formed",
                                         "lenin_ill", "lenin_dead", *POSTS)}
    held = {p: np.zeros(B, dtype=bool) for p in POSTS}
    seen = {k: np.zeros(B, dtype=bool) for k in ("lo_before_defeat", "crisis", "line_early")}
    tri, lo = g.lidx["triumvirate"], g.lidx["leningrad_opposition"]
    three = [g.pidx[p] for p in ("stalin", "zinoviev", "kamenev")]
    lenin, trotsky = g.pidx["lenin"], g.pidx["trotsky"]
    army, q = g.kidx["war_commissar"], g.qidx["procurement"]
    market = [o.id for o in g.scenario.policies[q].options].index("market")
    clock = {"turn": 0, "lo": np.zeros(B, dtype=bool)}

    def mark(name, now):
        first[name][now & (first[name] < 0)] = clock["turn"]

    def watch(s):
        size = s.bloc.sum(axis=2)
        mark("tri_started", size[:, tri] > 0)
        mark("triumvirs", s.bloc[:, tri, three].all(axis=1))
        mark("tri_broke", (size[:, tri] < 2) & (first["triumvirs"] >= 0))
        mark("lo_formed", size[:, lo] >= 2)
        mark("lenin_ill", s.health[:, lenin] < 0.5)
        mark("lenin_dead", ~s.alive[:, lenin])
        for p, k in POSTS.items():                   # lost a post he held (Rykov's from 1924)
            holds = s.holder[:, g.kidx[k]] == g.pidx[p]
            held[p] |= holds
            mark(p, held[p] & ~holds)
        undefeated = (s.holder[:, army] == trotsky) & s.member[:, trotsky, BODY["politburo"]]
        seen["lo_before_defeat"] |= (size[:, lo] > 0) & ~clock["lo"] & undefeated
        clock["lo"] = size[:, lo] > 0
        seen["crisis"] |= (s.ind[:, IND["grain_procured"]] < 18) | \
            s.fired[:, g.eidx["grain_crisis"]]
        if g.date(clock["turn"]) < "1928-01":
            seen["line_early"] |= (s.policy[:, q] != market) & ~seen["crisis"]
        clock["turn"] += 1

    s = play(g, np.arange(1, B + 1), on_turn=watch)
    leader = power.leading(s, g.active(s), g.params, g.structural, g.leaders)
    year = {p: np.array([int(g.date(t)[:4]) if t >= 0 else 9999 for t in first[p]])
            for p in POSTS}
    return SimpleNamespace(g=g, leader=leader, lost_in=year, **first, **seen)


def test_the_triumvirate_forms_while_lenin_is_ill_in_most_computer_campaigns():
    c = campaigns()
    ill = (c.triumvirs >= c.lenin_ill) & ((c.triumvirs < c.lenin_dead) | (c.lenin_dead < 0))
    assert (ill & (c.triumvirs >= 0)).mean() >= 2 / 3   # 0.92 of 300, December 1922 - March 1923


def test_the_triumvirate_is_never_formed_before_lenins_illness():
    c = campaigns()
    started = c.tri_started >= 0
    assert (c.tri_started[started] >= c.lenin_ill[started]).all()


def test_the_leningrad_opposition_comes_after_trotskys_defeat_and_the_triumvirates_break():
    c = campaigns()
    formed = c.lo_formed >= 0
    assert not c.lo_before_defeat.any()
    after = formed & (c.tri_broke >= 0) & (c.tri_broke <= c.lo_formed)
    assert formed.sum() >= 10                            # 0.80 of 300 games form it
    assert after.sum() >= 0.8 * formed.sum()             # 0.95 of those


def test_trotsky_keeps_the_war_commissariat_through_1923_and_loses_it_about_1925():
    """The triumvirs move against him at their most patient member's pace, Stalin's (003:
    "removed from the post of Peoples' Commissar of War in January 1925"); before, Zinoviev
    took it with the triumvirate's votes in 1923 in 0.85 of 300 games."""
    year = campaigns().lost_in["trotsky"]
    assert (year < 1924).mean() <= 0.2                   # 0.02 of 300
    assert ((year >= 1924) & (year <= 1925)).mean() >= 0.6   # 0.94 of 300, median 1925-01


def test_bukharin_rykov_and_tomsky_keep_their_posts_through_1924_in_most_computer_campaigns():
    """Stalin turned on the Right "later, in 1928, having defeated the Left" (001); before the
    triumvirs moved at Stalin's pace Zinoviev took their posts in 1924, in 0.54 of the games
    (the three men's mean over 300)."""
    lost = [campaigns().lost_in[p] < 1925 for p in ("bukharin", "rykov", "tomsky")]
    assert np.mean(lost) <= 0.25                         # 0.08 of 300


def test_the_grain_line_is_not_settled_before_a_procurement_crisis():
    assert not campaigns().line_early.any()


def test_history_stays_open_the_games_do_not_all_play_alike():
    c = campaigns()
    assert len(set(c.triumvirs[c.triumvirs >= 0].tolist())) >= 2
    assert len(set(c.leader.tolist())) >= 2
