"""A kind of action closed to a man is greyed with what stops it, not with the first
candidate's refusal: every candidate is checked, and the words say what holds for all of them,
what stops those who pass every other check, or how many each of the nearest reasons stops.

Before, 'Propose for the Politburo' in April 1922 read "Vladimir Lenin is already a full member
of the Politburo" - Lenin being the first name on the list - when no one could be proposed
because all seven seats were filled."""
from __future__ import annotations

import pytest

from game.content.loader import load_scenario
from game.engine import mutate
from game.engine.game import Game
from game.engine.refusals import kind_refusal


@pytest.fixture(scope="module")
def campaign() -> Game:
    return Game(load_scenario("campaign"))


def _april_1922(g: Game):
    return g.new_state([7])


def test_with_every_seat_filled_no_one_can_be_proposed_and_the_menu_says_the_seats_are_full(
        campaign):
    s = _april_1922(campaign)
    why = kind_refusal(campaign, s, "promote", campaign.pidx["stalin"])
    assert why.startswith("The Politburo has no vacant seat"), why
    assert "Lenin" not in why


def test_a_man_in_no_alliance_is_told_he_has_none_to_leave(campaign):
    s = _april_1922(campaign)
    assert kind_refusal(campaign, s, "leave_bloc", campaign.pidx["trotsky"]) == \
        "Leon Trotsky belongs to no alliance."


def test_a_reason_about_the_man_himself_is_given_as_it_is(campaign):
    """Trotsky holds no post that appoints: that stops every region alike."""
    s = _april_1922(campaign)
    assert kind_refusal(campaign, s, "appoint_secretary", campaign.pidx["trotsky"]) == (
        "Only the General Secretary or a member of the Orgburo can appoint or move a regional "
        "secretary.")


def test_reasons_that_differ_between_motions_are_counted_under_one_headline(campaign):
    """In April 1922 every line waits for its time or is in force already."""
    s = _april_1922(campaign)
    why = kind_refusal(campaign, s, "propose", campaign.pidx["stalin"])
    assert why.startswith("No motion can be tabled this month. ")
    assert " motions wait for their time." in why and " motions are in force already." in why
    counted = [int(w) for w in why.replace(".", " ").split() if w.isdigit()]
    assert sum(counted) == len(campaign.motion_ids)


def test_a_reason_that_stops_one_alliance_names_it(campaign):
    """Once Lenin is too ill to lead and the Triumvirate exists, Stalin is told to join it
    rather than form it, by name."""
    s = _april_1922(campaign)
    s.turn = next(t for t in range(campaign.n_turns) if campaign.date(t) == "1922-12")
    s.health[0, campaign.pidx["lenin"]] = 0.3
    mutate.join(campaign, s, s.over == s.over, campaign.pidx["zinoviev"],
                     campaign.lidx["triumvirate"])
    why = kind_refusal(campaign, s, "form_bloc", campaign.pidx["stalin"])
    assert why.startswith("No alliance can be formed now. ")
    assert "The Triumvirate (Zinoviev, Kamenev, Stalin) already exists; join it instead." in why


def test_an_open_kind_has_no_refusal(campaign):
    s = _april_1922(campaign)
    assert kind_refusal(campaign, s, "polemic", campaign.pidx["stalin"]) is None
