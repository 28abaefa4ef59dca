"""The computer rivals know the Politburo's seats: over whole campaigns they never move a
promotion the engine would refuse, and the Politburo stays within the number the Congress set
(seven in 1922, nine from the Fourteenth Congress), month by month, game by game.

Before the rule the computer Stalin had the Central Committee elect one of his men every month
from April 1922, and every game had a Politburo of twelve by December 1922; history had seven
(six voting once Lenin was ill, 004's "six-member Politbureau")."""
from __future__ import annotations

import numpy as np

from game.ai.play import play
from game.engine.state import BODY

GAMES = 40


def test_the_politburo_stays_within_its_seats_in_computer_campaigns(campaign):
    g = campaign
    over_seats, sizes = [], {}
    turn = [0]

    def watch(s):
        full = s.member[:, :, BODY["politburo"]].sum(axis=1)
        over_seats.append(int((full > g.seats_at(turn[0])).sum()))
        sizes[g.date(turn[0])] = full.copy()
        turn[0] += 1

    play(g, np.arange(1, GAMES + 1), on_turn=watch)
    assert sum(over_seats) == 0
    assert sizes["1922-12"].max() == 7          # Lenin ill, seven seats filled, none to spare
    assert sizes["1929-12"].max() <= 9


def test_no_promotion_of_the_rivals_is_refused_for_want_of_a_seat(campaign_games):
    refused = [r["text"] for recs in campaign_games.log.records for r in recs
               if r["kind"] == "refused" and "no vacant seat" in r["text"]]
    assert refused == []
