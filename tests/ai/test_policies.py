"""The scripted stand-ins play competently: they pursue their role's aims when the vote will
carry them, keep out of an open faction under the ban, and beat easy rivals more often than
hard ones in the campaign (the strength table of the README)."""
import numpy as np

from game.ai.play import play, step
from game.ai.policies import Scripted, _good_options
from game.ai.rivals import Rivals
from game.ai.strength import run
from game.engine import votes
from game.engine.state import IND


def test_an_aim_that_names_options_wants_them_and_one_that_rules_one_out_wants_the_rest():
    want = np.array([[0.0, 1.0, 1.0],        # investment == "moderate" or == "high"
                     [-1.0, 0.0, 0.0],       # investment != "low"
                     [0.0, 0.0, 0.0]],       # no aim about this policy
                    dtype=np.float32)
    good = _good_options(want)
    assert good.tolist() == [[False, True, True], [False, True, True], [False, False, False]]


def test_the_competent_trotsky_puts_industry_first_once_the_party_may_debate_it(campaign):
    """The line of industrialisation may be tabled once industry has recovered to half of 1913
    (its 'when'); the month it may, the stand-in Trotsky moves it while his word still
    carries (his standing of 1922)."""
    g = campaign
    s = g.new_state(np.arange(4) + 7)
    s.ind[:, IND["industrial_output"]] = 55.0
    rivals = Rivals(g, "easy")
    step(g, s, rivals, g.pidx["trotsky"], Scripted(g, "trotsky", "apparatus"))
    low = [o.id for o in g.scenario.policies[g.qidx["investment"]].options].index("low")
    assert (s.policy[:, g.qidx["investment"]] != low).mean() >= 0.75


def test_the_competent_player_never_stays_in_an_open_faction_under_the_ban(campaign):
    """Found in one (an event exposes a secret bloc), he is out of it the next month."""
    g = campaign
    p = g.pidx["trotsky"]
    seen = []

    def watch(s):
        ban = s.flags[:, g.fidx["faction_ban"]]
        faction = votes.derive(g, s).faction
        seen.append(faction[:, p] & ban & g.active(s)[:, p])

    play(g, np.arange(3) + 11, seat="trotsky", scripted="apparatus", difficulty="easy",
         on_turn=watch)
    # an event may expose his secret bloc (the United Opposition's meeting in the wood, 1926):
    # he leaves it the next month, so never two months running
    seen = np.array(seen)
    assert not np.any(seen[1:] & seen[:-1])


def test_in_the_campaign_a_competent_trotsky_wins_far_more_often_at_easy_than_at_hard(campaign):
    rates = [run(campaign, 60, 1, d, "trotsky", "apparatus")["win_rate"] for d in ("easy", "hard")]
    # 23% and 0% over 1,000 games on rules version 26, 13 of these 60 at easy: since a polemic
    # is judged by who writes it (rules version 21) the pamphlet war no longer drains the
    # leading man's standing, and Trotsky's democracy aim is met mostly by the ban on factions
    # lifted, rarely by Stalin's removal (52% and 0% on rules version 18)
    assert rates[0] >= 0.1
    assert rates[0] - rates[1] >= 0.1

