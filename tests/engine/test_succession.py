"""Who takes a post that falls free: the winner's men, not the winner himself."""
import numpy as np
import pytest

from game.content.loader import load_scenario
from game.engine import succession
from game.engine.game import Game
from game.engine.log import Log


@pytest.fixture(scope="module")
def campaign() -> Game:
    return Game(load_scenario("campaign"))


def _successor(g, mover: str, removed: str, named: str | None = None) -> str:
    """Who takes the post ``mover`` has taken from ``removed`` at the start of the game."""
    s = g.new_state([4])
    who = succession.successor(g, s, np.array([g.pidx[mover]]), np.array([g.pidx[removed]]),
                               np.array([g.pidx[named] if named else -1]))
    return g.person_ids[int(who[0])]


def test_a_removed_man_s_post_goes_to_the_mover_s_client_not_to_the_mover(tiny):
    assert _successor(tiny, "stalin", "zinoviev") == "molotov"


def test_a_named_successor_takes_the_post(tiny):
    assert _successor(tiny, "stalin", "zinoviev", named="kamenev") == "kamenev"


def test_a_vacancy_nobody_s_follower_can_fill_goes_to_the_central_committee(tiny):
    # Trotsky has no client or ally to put there, and does not take it himself: the Committee
    # gives it to the member of standing who holds no post (Kamenev, before Stalin's Molotov)
    assert _successor(tiny, "trotsky", "zinoviev") == "kamenev"


def test_the_committee_gives_no_post_to_a_man_whose_health_is_failing(tiny):
    s = tiny.new_state([4])
    s.health[:, tiny.pidx["kamenev"]] = 0.5         # able to act and vote, too ill for a post
    who = succession.successor(tiny, s, np.array([tiny.pidx["trotsky"]]),
                               np.array([tiny.pidx["zinoviev"]]), np.array([-1]))
    assert tiny.person_ids[int(who[0])] == "molotov"


def test_a_man_in_failing_health_cannot_be_named_to_a_post(tiny):
    from game.engine import actions
    s = tiny.new_state([4])
    s.health[:, tiny.pidx["kamenev"]] = 0.5
    a = tiny.action("stalin", "remove_from_post", "zinoviev", "comintern_chair", "kamenev")
    code = actions.check(tiny, s, actions.KIND[a.kind], np.array([a.actor]),
                         np.array([a.target]), np.array([a.arg]), np.array([a.arg2]))
    assert code[0] == actions.BAD_SUCCESSOR


def test_the_log_says_the_committee_chose_when_the_mover_had_no_man(tiny):
    s = tiny.new_state([4])
    s.cc_seats[:, tiny.pidx["trotsky"]] += 40       # a Committee that votes his way, but
    s.condemned_turn[:, tiny.pidx["zinoviev"]] = 0  # (a verdict on Zinoviev's views, a
    s.turn = 1                                      # month old)
    log = Log(tiny, 1)                              # no named man of his to take the post
    tiny.step(s, [[tiny.action("trotsky", "remove_from_post", "zinoviev", "comintern_chair")]],
              log=log)
    said = [r["text"] for r in log.records[0] if r["kind"] == "appointment"]
    assert s.holder[0, tiny.kidx["comintern_chair"]] == tiny.pidx["kamenev"]
    assert said == ["Kamenev becomes Chairman of the Comintern in place of Zinoviev (Trotsky's "
                    "motion; he has no man to put there, so the Central Committee chooses)."]


def test_the_post_of_a_man_who_dies_is_filled_by_the_end_of_the_month(tiny):
    s = tiny.new_state([4])
    zinoviev = tiny.pidx["zinoviev"]
    chair = tiny.kidx["comintern_chair"]
    s.health[:, zinoviev] = 0.01                # the forced stroke kills him
    log = Log(tiny, 1)
    tiny.step(s, [[]], log=log, forced={"stroke:zinoviev": True})
    assert not s.alive[0, zinoviev]
    assert s.holder[0, chair] >= 0 and s.holder[0, chair] != zinoviev
    named = [r for r in log.records[0] if r["kind"] == "appointment" and r.get("post")]
    assert {r["post"] for r in named} == {"comintern_chair", "leningrad_party"}
    assert all("in place of Zinoviev" in r["text"] for r in named)


def test_a_post_vacant_when_the_month_begins_stays_vacant(tiny):
    s = tiny.new_state([4])
    chair = tiny.kidx["comintern_chair"]
    s.holder[:, chair] = -1                     # as a scenario may leave a post unfilled
    tiny.step(s, [[]])
    assert s.holder[0, chair] == -1


def test_a_post_s_deputy_steps_in_when_it_falls_vacant(tiny_scenario):
    from dataclasses import replace

    from game.engine.game import Game
    posts = tuple(replace(k, deputy="kamenev") if k.id == "comintern_chair" else k
                  for k in tiny_scenario.posts)
    g = Game(replace(tiny_scenario, posts=posts))
    s = g.new_state([4])
    s.health[:, g.pidx["zinoviev"]] = 0.01
    log = Log(g, 1)
    g.step(s, [[]], log=log, forced={"stroke:zinoviev": True})
    assert s.holder[0, g.kidx["comintern_chair"]] == g.pidx["kamenev"]
    assert s.holder[0, g.kidx["leningrad_party"]] == g.pidx["molotov"]      # no deputy there
    assert any("(his deputy)" in r["text"] for r in log.records[0])


def test_the_log_says_who_took_a_removed_man_s_post(tiny):
    s = tiny.new_state([4])
    stalin, zinoviev = tiny.pidx["stalin"], tiny.pidx["zinoviev"]
    chair = tiny.kidx["comintern_chair"]
    s.cc_seats[:, stalin] += 40                 # a Central Committee that votes his way
    log = Log(tiny, 1)
    tiny.step(s, [[tiny.action("stalin", "remove_from_post", "zinoviev", "comintern_chair")]],
              log=log)
    assert s.holder[0, chair] == tiny.pidx["molotov"]
    said = [r["text"] for r in log.records[0] if r["kind"] == "appointment"]
    assert said == ["Molotov becomes Chairman of the Comintern in place of Zinoviev "
                    "(Stalin's motion; his client takes it)."]
    assert s.holder[0, chair] != zinoviev


def _kamenev_in_a_bloc_with_stalin(g):
    s = g.new_state([4])
    s.bloc[:, g.lidx["triumvirate"], [g.pidx["stalin"], g.pidx["kamenev"]]] = True
    return s


def test_an_ally_who_holds_a_post_already_yields_the_post_to_his_man(tiny):
    """Kirov, not Stalin, took Leningrad from Zinoviev on the majority's vote (January 1926):
    Kamenev has no client to put there, and his ally Stalin is General Secretary already."""
    s = _kamenev_in_a_bloc_with_stalin(tiny)
    who = succession.successor(tiny, s, np.array([tiny.pidx["kamenev"]]),
                               np.array([tiny.pidx["zinoviev"]]), np.array([-1]))
    assert tiny.person_ids[int(who[0])] == "molotov"
    s.holder[:, tiny.kidx["general_secretary"]] = -1            # an ally with no post takes it
    who = succession.successor(tiny, s, np.array([tiny.pidx["kamenev"]]),
                               np.array([tiny.pidx["zinoviev"]]), np.array([-1]))
    assert tiny.person_ids[int(who[0])] == "stalin"


def test_the_log_says_when_an_ally_s_man_takes_the_post(tiny):
    s = _kamenev_in_a_bloc_with_stalin(tiny)
    s.cc_seats[:, tiny.pidx["stalin"]] += 40
    log = Log(tiny, 1)
    tiny.step(s, [[tiny.action("kamenev", "remove_from_post", "zinoviev", "comintern_chair")]],
              log=log)
    said = [r["text"] for r in log.records[0] if r["kind"] == "appointment"]
    assert said == ["Molotov becomes Chairman of the Comintern in place of Zinoviev (Kamenev's "
                    "motion; his ally Stalin's man takes it)."]


def test_a_removed_man_s_deputy_takes_his_post_unless_the_motion_names_another(campaign):
    """Frunze, Trotsky's deputy, took the War Commissariat when the Central Committee removed
    Trotsky in January 1925 (general history), whoever moved it."""
    g = campaign
    s = g.new_state([4])
    s.cc_seats[:, g.pidx["stalin"]] += 60                      # a Committee that votes his way
    log = Log(g, 1)
    g.step(s, [[g.action("stalin", "remove_from_post", "trotsky", "war_commissar")]], log=log)
    assert s.holder[0, g.kidx["war_commissar"]] == g.pidx["frunze"]
    said = [r["text"] for r in log.records[0] if r["kind"] == "appointment"]
    assert said == ["Mikhail Frunze becomes People's Commissar for War in place of Leon Trotsky "
                    "(Joseph Stalin's motion; Leon Trotsky's deputy steps in)."]
    who = succession.successor(g, s, np.array([g.pidx["stalin"]]), np.array([g.pidx["trotsky"]]),
                               np.array([g.pidx["voroshilov"]]))
    assert who[0] == g.pidx["voroshilov"]                      # a named successor comes first


def test_a_deputy_who_is_the_removed_man_s_ally_does_not_step_in(campaign):
    g = campaign
    s = g.new_state([4])
    s.bloc[:, g.lidx["left_opposition"], [g.pidx["trotsky"], g.pidx["frunze"]]] = True
    deputy = succession.deputies(g, s, np.array([g.kidx["war_commissar"]]),
                                 np.array([g.pidx["trotsky"]]))
    assert deputy[0] == -1
