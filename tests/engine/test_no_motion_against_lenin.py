"""No one moves against Lenin while he lives: the struggle of 1922-23 was over who would
succeed him, never against him (the campaign's ``inviolable`` on Lenin, 002: "the leaders of the
Bolshevik regime had began to prepare for the power struggle that was to follow"). A man the
scenario makes inviolable cannot be condemned, removed from a post, demoted or expelled while
its ``when`` holds, and the Congress's report is not put against him; the refusal says why."""
import dataclasses

import numpy as np
import pytest

from game.content.loader import load_scenario
from game.content.schema import Inviolable
from game.engine.game import Game
from game.engine.sittings import report_motion

WHY = ("No motion may be moved against Vladimir Lenin: while he lives he is the party's "
       "undisputed head, and the struggle is over who will succeed him, not against him.")


@pytest.fixture(scope="module")
def campaign() -> Game:
    return Game(load_scenario("campaign"))


def _with_lenin(g: Game, guard) -> Game:
    """The campaign with Lenin's ``inviolable`` replaced by ``guard`` (None: no such rule)."""
    persons = tuple(dataclasses.replace(p, inviolable=guard) if p.id == "lenin" else p
                    for p in g.scenario.persons)
    return Game(dataclasses.replace(g.scenario, persons=persons))


def _moves_against_lenin(g: Game) -> list:
    return [g.action("stalin", "condemn", "lenin"),
            g.action("trotsky", "remove_from_post", "lenin", "sovnarkom_chair"),
            g.action("zinoviev", "demote", "lenin"),
            g.action("kamenev", "expel", "lenin", "politburo")]


def test_no_motion_may_be_moved_against_lenin_while_he_leads(campaign):
    g = campaign
    s = g.new_state([1])
    for move in _moves_against_lenin(g):
        assert g.why_illegal(s, 0, move) == WHY, move.label
    # the rule is about Lenin: the same motions against Trotsky are in order
    assert g.why_illegal(s, 0, g.action("stalin", "condemn", "trotsky")) is None


def test_nor_once_his_strokes_have_silenced_him(campaign):
    """Paralysed and speechless from March 1923, he kept his chair and his seat until he died."""
    g = campaign
    s = g.new_state([1])
    s.health[0, g.pidx["lenin"]] = g.incapacitated / 2
    assert all(g.why_illegal(s, 0, m) == WHY for m in _moves_against_lenin(g))


def test_a_scenario_may_let_the_party_move_against_a_silenced_lenin(campaign):
    g = _with_lenin(campaign, Inviolable(why="he leads the party", when="lenin.active"))
    s = g.new_state([1])
    condemn = g.action("stalin", "condemn", "lenin")
    assert g.why_illegal(s, 0, condemn) == "No motion may be moved against Vladimir Lenin: " \
        "he leads the party."
    s.health[0, g.pidx["lenin"]] = g.incapacitated / 2
    assert g.why_illegal(s, 0, condemn) is None
    # and without the rule, Lenin is a man like any other
    plain = _with_lenin(campaign, None)
    assert plain.why_illegal(plain.new_state([1]), 0, condemn) is None


def test_the_congress_report_is_not_put_against_lenins_opposition(campaign):
    """Lenin at the head of an open faction at the Twelfth Congress: the leadership's report
    is put against the opposition's next man, not against him."""
    def rival(g: Game) -> str:
        s = g.new_state([3])
        s.turn = next(t for t in g.sitting_at if g.date(t) == "1923-04")
        bloc = g.lidx["democracy_bloc"]
        s.bloc[0, bloc, [g.pidx["lenin"], g.pidx["trotsky"]]] = True
        s.exposed[0, bloc] = True
        s.prestige[0, g.pidx["trotsky"]] = 20.0          # Lenin the faction's strongest man
        s.prestige[0, g.pidx["stalin"]] = 90.0           # and Stalin the party's leading one
        return g.person_ids[int(report_motion(g, s).target[0])]

    assert rival(_with_lenin(campaign, None)) == "lenin"         # the case the rule is about
    assert rival(campaign) == "trotsky"


def test_the_computer_never_moves_against_lenin(campaign):
    """The rivals and the scripted Stalin, who before the rule moved against him in most games
    (condemning his views, taking Sovnarkom from him), choose only motions in order."""
    from game.ai.play import play
    from game.engine.log import Log
    g = campaign
    seeds = np.arange(6) + 1_000_003
    log = Log(g, len(seeds))
    play(g, seeds, log, seat="stalin", scripted="apparatus")
    against = [r["text"] for recs in log.records for r in recs
               if "lenin" in r["persons"][1:] and r["kind"] in ("vote", "refused")]
    assert against == []


def _police_report_on_trotsky_in_his_bloc_with_lenin(g: Game, lenin_alive: bool) -> bool:
    """Stalin's police report on Trotsky, in his secret bloc with Lenin: is the bloc found out?"""
    s = g.new_state([1])
    bloc = g.lidx["democracy_bloc"]
    s.bloc[0, bloc, [g.pidx["lenin"], g.pidx["trotsky"]]] = True
    s.alive[0, g.pidx["lenin"]] = lenin_alive
    known = s.intel[0, g.pidx["stalin"], g.pidx["trotsky"]]
    g.step(s, [[g.action("stalin", "gather_information", "trotsky")]])
    assert s.intel[0, g.pidx["stalin"], g.pidx["trotsky"]] > known     # he learns all the same
    return bool(s.exposed[0, bloc])


def test_the_police_do_not_denounce_lenins_bloc_as_a_faction_while_he_lives(campaign):
    """Stalin learned of Lenin's letters and kept them from the party, as he kept the Testament
    (001: "Central Committee keeps Lenin's Testament secret"); Lenin was never branded a
    factionalist. The same report finds out any other secret bloc."""
    assert not _police_report_on_trotsky_in_his_bloc_with_lenin(campaign, lenin_alive=True)
    assert _police_report_on_trotsky_in_his_bloc_with_lenin(campaign, lenin_alive=False)
    assert _police_report_on_trotsky_in_his_bloc_with_lenin(_with_lenin(campaign, None), True)
