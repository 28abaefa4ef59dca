"""The Politburo has a number of full seats, and the Congress sets it.

The Congress elects the Central Committee and the Central Committee the Politburo (001: "the
Politburo was responsible to the Central Committee (CC) which elected it, and to the Party
Congress (which elected the CC)"): seven full members in 1922, nine after the Fourteenth
Congress. The scenario gives the number at its start (``politburo_seats``) and a congress may
set a new one from its month; between congresses the Central Committee elects a man to the
Politburo only into a vacant seat - one left by a death, a removal, an expulsion or a
demotion. Members beyond the number keep their seats; it blocks promotions until it is
below the number.
"""
from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from game.content.loader import load_scenario
from game.engine import mutate
from game.engine.actions import KIND, NO_SEAT, OK, check
from game.engine.game import Game
from game.engine.legality import politburo_vacancies
from game.engine.log import Log
from game.engine.state import BODY

PB = BODY["politburo"]


@pytest.fixture(scope="module")
def campaign_scenario():
    return load_scenario("campaign")


@pytest.fixture(scope="module")
def campaign(campaign_scenario) -> Game:
    return Game(campaign_scenario)


def _full(g, s, b=0) -> list[str]:
    return [g.person_ids[i] for i in np.flatnonzero(s.member[b, :, PB])]


def _enter(g, s, person: str, games=None) -> None:
    mask = np.zeros(s.batch, dtype=bool)
    mask[slice(None) if games is None else games] = True
    mutate.enter(g, s, mask, np.full(s.batch, g.pidx[person]), PB)


def _turn_of(g, date: str) -> int:
    return next(t for t in range(g.n_turns) if g.date(t) == date)


def test_the_plenum_cannot_elect_a_ninth_member_to_a_politburo_of_eight_seats(campaign_scenario):
    g = Game(dataclasses.replace(campaign_scenario, politburo_seats=8))
    s = g.new_state([1])
    _enter(g, s, "molotov")                          # the eighth: every seat is filled
    assert len(_full(g, s)) == 8
    kuibyshev = g.action("stalin", "promote", "kuibyshev")
    assert g.why_illegal(s, 0, kuibyshev) == (
        "The Politburo has no vacant seat: its 8 seats are filled; the Congress sets their "
        "number.")
    assert "promote" not in {a.kind for a in g.legal_actions(s, 0, "stalin")}
    log = Log(g, 1)
    g.step(s, [[kuibyshev]], log=log)
    assert not s.member[0, g.pidx["kuibyshev"], PB] and len(_full(g, s)) == 8
    (refused,) = [r["text"] for r in log.records[0] if r["kind"] == "refused"]
    assert refused.startswith("Joseph Stalin cannot propose for the Politburo")
    assert refused.endswith(": The Politburo has no vacant seat: its 8 seats are filled; the "
                            "Congress sets their number.")


def test_a_seat_freed_by_an_expulsion_can_be_filled(campaign):
    g = campaign
    s = g.new_state([1])
    promote = g.action("stalin", "promote", "molotov")
    assert g.why_illegal(s, 0, promote) is not None          # seven seats, seven members
    mutate.expel(g, s, np.array([True]), np.array([g.pidx["trotsky"]]), 0)
    assert g.why_illegal(s, 0, promote) is None
    g.step(s, [[promote]])
    assert s.member[0, g.pidx["molotov"], PB]                 # Stalin's client: the CC elects him
    assert len(_full(g, s)) == 7


def test_a_seat_freed_by_a_death_or_a_demotion_can_be_filled(campaign):
    g = campaign
    promote = g.action("stalin", "promote", "molotov")
    dead = g.new_state([1])
    mutate.kill(g, dead, np.array([True]), np.array([g.pidx["lenin"]]))
    demoted = g.new_state([1])
    mutate.demote(g, demoted, np.array([True]), np.array([g.pidx["tomsky"]]))
    for s in (dead, demoted):
        assert g.why_illegal(s, 0, promote) is None
        assert politburo_vacancies(g, s)[0] == 1


def test_the_congress_of_december_1925_enlarges_the_politburo_to_nine(campaign):
    g = campaign
    assert g.seats_at(0) == 7                                      # April 1922
    assert g.seats_at(_turn_of(g, "1925-11")) == 7
    assert g.seats_at(_turn_of(g, "1925-12")) == 9                 # the Fourteenth Congress
    assert g.seats_at(_turn_of(g, "1929-12")) == 9                 # the Fifteenth kept nine
    s = g.new_state([1])                   # the seven of 1922 still seated: no vacancy ...
    promote = g.action("stalin", "promote", "molotov")
    s.turn = _turn_of(g, "1925-11")
    assert "no vacant seat" in g.why_illegal(s, 0, promote)
    s.turn = _turn_of(g, "1925-12")        # ... until the Congress adds two seats
    assert g.why_illegal(s, 0, promote) is None
    assert politburo_vacancies(g, s)[0] == 2


def test_two_promotions_in_one_month_need_two_vacant_seats(campaign):
    g = campaign
    s = g.new_state([1])
    mutate.expel(g, s, np.array([True]), np.array([g.pidx["trotsky"]]), 0)      # one seat
    first = g.action("stalin", "promote", "molotov")
    second = g.action("zinoviev", "promote", "kalinin")
    assert g.why_illegal(s, 0, second) is None               # each alone would be in order
    log = Log(g, 1)
    g.step(s, [[first, second]], log=log)
    assert not s.member[0, g.pidx["kalinin"], PB]
    assert any(r["kind"] == "refused" and "no vacant seat" in r["text"]
               for r in log.records[0])
    assert len(_full(g, s)) <= 7


def test_one_man_moved_twice_in_a_month_needs_one_seat(campaign):
    g = campaign
    s = g.new_state([1])
    mutate.expel(g, s, np.array([True]), np.array([g.pidx["trotsky"]]), 0)      # one seat
    log = Log(g, 1)
    g.step(s, [[g.action("stalin", "promote", "molotov"),
                g.action("kamenev", "promote", "molotov")]], log=log)
    assert not [r for r in log.records[0] if r["kind"] == "refused"]
    votes = [r for r in log.records[0] if r["kind"] == "vote" and r["motion_kind"] == "promote"]
    assert len(votes) == 1                                    # the same motion, voted once


def test_members_beyond_the_number_keep_their_seats_and_block_promotions(campaign_scenario):
    g = Game(dataclasses.replace(campaign_scenario, politburo_seats=5))
    s = g.new_state([1])
    g.step(s, None)
    assert len(_full(g, s)) == 7                                  # nobody is removed
    promote = g.action("stalin", "promote", "molotov")
    mutate.expel(g, s, np.array([True]), np.array([g.pidx["trotsky"]]), 0)
    assert politburo_vacancies(g, s)[0] == -1 and g.why_illegal(s, 0, promote) is not None
    for man in ("zinoviev", "kamenev"):
        mutate.expel(g, s, np.array([True]), np.array([g.pidx[man]]), 0)
    assert g.why_illegal(s, 0, promote) is None                   # four members, five seats


def test_without_a_number_the_politburo_has_no_limit(campaign_scenario):
    sc = campaign_scenario
    open_ended = dataclasses.replace(
        sc, politburo_seats=None,
        sittings=tuple(dataclasses.replace(x, politburo_seats=None) for x in sc.sittings))
    g = Game(open_ended)
    assert not g.seats_limited and g.seats_at(0) == g.P
    s = g.new_state([1])
    assert g.why_illegal(s, 0, g.action("stalin", "promote", "molotov")) is None


def test_the_rule_is_read_game_by_game_in_a_batch(campaign):
    g = campaign
    s = g.new_state([1, 2, 3, 4])
    mask = np.array([True, False, True, False])               # a seat falls free in 0 and 2
    mutate.expel(g, s, mask, np.full(4, g.pidx["trotsky"]), 0)
    row = [np.full(4, v) for v in (g.pidx["stalin"], g.pidx["molotov"], -1, -1)]
    code = check(g, s, KIND["promote"], *row)
    assert list(code) == [OK, NO_SEAT, OK, NO_SEAT]
    alone = [g.new_state([seed]) for seed in (1, 2, 3, 4)]
    for b, one in enumerate(alone):
        if mask[b]:
            mutate.expel(g, one, np.array([True]), np.array([g.pidx["trotsky"]]), 0)
    promote = g.action("stalin", "promote", "molotov")
    g.step(s, [[promote]] * 4)
    for b, one in enumerate(alone):
        g.step(one, [[promote]])
        np.testing.assert_array_equal(s.member[b], one.member[0])
    assert list(s.member[:, g.pidx["molotov"], PB]) == [True, False, True, False]


def test_a_man_cast_out_of_the_committee_who_never_sat_in_the_politburo_has_not_fallen_from_it(tiny):
    s = tiny.new_state([1])
    molotov, trotsky = tiny.pidx["molotov"], tiny.pidx["trotsky"]
    mutate.expel(tiny, s, np.ones(1, dtype=bool), molotov, "central_committee")
    mutate.expel(tiny, s, np.ones(1, dtype=bool), trotsky, "central_committee")
    assert s.fell_turn[0, molotov] == -1           # out of the Committee, never in the Politburo
    assert s.fell_turn[0, trotsky] == s.turn       # out of both: he fell from the Politburo
