"""Who leads the party: of the leaders who hold a post or sit on a party body, the one with the
strongest following (his share of the Central Committee, the Politburo and the delegates, with
his clients and allies, and his prestige). Built on the campaign's opening state, April 1922,
where Lenin leads."""
import numpy as np
import pytest

from game.content.loader import load_scenario
from game.engine import power, sittings
from game.engine.game import Game


@pytest.fixture(scope="module")
def g():
    return Game(load_scenario("campaign"))


def leads(g, s) -> list[str]:
    """Each game's leading figure."""
    return [g.person_ids[p] for p in power.leading(s, g.active(s), g.params, g.structural, g.leaders)]


def strongest_following(g, s, b: int) -> str:
    """The able leader of game ``b`` with the greatest claim, seat or no seat."""
    claim = power.claim(s, g.active(s), g.params, g.structural)[b]
    able = np.flatnonzero(g.leaders & g.active(s)[b])
    return g.person_ids[able[np.argmax(claim[able])]]


def patron_of_everyone(g, s, b: int, who: str) -> None:
    """In game ``b``, every man who is not a leader becomes ``who``'s client, and his prestige
    is the greatest there is: by far the strongest following in the party."""
    p = g.pidx[who]
    s.patron[b, ~g.leaders] = p
    s.prestige[b, p] = 100.0


def strip(g, s, b: int, who: str, seats: bool = True) -> None:
    """In game ``b``, ``who`` loses every post (and, with ``seats``, every seat on a party
    body); his clients and his prestige stay his."""
    p = g.pidx[who]
    s.holder[b, s.holder[b] == p] = -1
    if seats:
        s.member[b, p] = False


def test_a_leader_stripped_of_every_post_and_seat_no_longer_leads_however_many_clients_he_keeps(g):
    s = g.new_state([3])
    patron_of_everyone(g, s, 0, "stalin")
    assert leads(g, s) == ["stalin"]
    strip(g, s, 0, "stalin")
    assert strongest_following(g, s, 0) == "stalin"
    assert leads(g, s) == ["lenin"]


def test_a_seat_without_a_post_is_enough_to_lead(g):
    s = g.new_state([3])
    patron_of_everyone(g, s, 0, "stalin")
    strip(g, s, 0, "stalin", seats=False)
    assert not power.holds_any_post(s)[0, g.pidx["stalin"]]
    assert leads(g, s) == ["stalin"]


def test_when_no_leader_holds_a_post_or_a_seat_the_strongest_following_leads(g):
    # not whoever is listed first (Lenin): the verdict still means something
    s = g.new_state([3])
    for p in np.flatnonzero(g.leaders):
        strip(g, s, 0, g.person_ids[p])
    patron_of_everyone(g, s, 0, "trotsky")
    assert leads(g, s) == ["trotsky"]


def test_each_game_of_a_batch_is_judged_by_its_own_posts_and_seats(g):
    s = g.new_state([3, 4, 5])
    for b in range(3):
        patron_of_everyone(g, s, b, "stalin")
    strip(g, s, 1, "stalin")
    for p in np.flatnonzero(g.leaders):          # game 2: nobody holds anything
        strip(g, s, 2, g.person_ids[p])
    assert leads(g, s) == ["stalin", "lenin", "stalin"]
    assert leads(g, s) == [leads(g, s.take([b]))[0] for b in range(3)]


def test_an_opposition_s_champion_needs_no_seat_to_face_the_leader_at_a_congress(g):
    # Trotsky, out of every post and body, still leads the open opposition against the report
    s = g.new_state([3])
    s.turn = min(g.sitting_at)
    left = g.lidx["left_opposition"]
    for who in ("trotsky", "zinoviev"):
        s.bloc[0, left, g.pidx[who]] = True
    patron_of_everyone(g, s, 0, "trotsky")
    strip(g, s, 0, "trotsky")
    m = sittings.report_motion(g, s)
    assert g.person_ids[int(m.sponsor[0])] == "lenin"
    assert g.person_ids[int(m.target[0])] == "trotsky"
