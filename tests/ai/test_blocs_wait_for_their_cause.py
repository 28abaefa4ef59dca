"""A bloc with a ``when`` is formed only once the cause that made it has come about, by the
player (the engine refuses, saying why) and by the computer rivals alike."""
import numpy as np

from game.ai.play import play
from game.content.loader import load_scenario
from game.engine.game import Game
from game.engine.state import IND


def _force(g) -> tuple[int, int]:
    """(the procurement lever, the index of its option 'force')."""
    q = g.qidx["procurement"]
    return q, [o.id for o in g.scenario.policies[q].options].index("force")


def test_the_right_opposition_cannot_be_formed_before_the_open_clash_over_grain_taken_by_force(
        campaign):
    """The Right's break with Stalin came into the open at the July plenum of 1928 (001: "1928
    Jul: Stalin and Bukharin clash over collectivisation"), half a year after the first grain
    was taken by force."""
    s = campaign.new_state([1])
    form = campaign.action("bukharin", "form_bloc", "right_opposition")
    why = campaign.why_illegal(s, 0, form)
    assert why is not None and "cannot be formed yet" in why and "taken by force" in why
    q, force = _force(campaign)
    s.policy[:, q] = force
    assert "July plenum of 1928" in campaign.why_illegal(s, 0, form)
    s.fired[:, campaign.eidx["july_plenum_1928"]] = True
    assert campaign.why_illegal(s, 0, form) is None


def test_forced_procurement_waits_for_a_procurement_crisis(campaign):
    s = campaign.new_state([1])
    motion = campaign.scenario.motions[campaign.motion_ids.index("grain_by_force")]
    assert "grain_crisis" in motion.when
    propose = campaign.action("stalin", "propose", arg="grain_by_force")
    assert "cannot be tabled now" in campaign.why_illegal(s, 0, propose)


def test_the_triumvirate_waits_for_lenins_illness(campaign):
    s = campaign.new_state([1])
    form = campaign.action("zinoviev", "form_bloc", "triumvirate")
    why = campaign.why_illegal(s, 0, form)
    assert why is not None and "cannot be formed yet" in why and "Lenin's illness" in why
    s.turn = _month(campaign, "1922-12")
    s.health[:, campaign.pidx["lenin"]] = 0.36               # after his second stroke
    assert campaign.why_illegal(s, 0, form) is None


def test_lenin_away_from_work_after_his_first_stroke_opens_no_succession(campaign):
    """From June to September 1922 the first stroke keeps Lenin from work (he cannot move or
    vote), but he is to come back in October: the triumvirs do not yet bind themselves."""
    s = campaign.new_state([1])
    s.turn = _month(campaign, "1922-07")
    s.health[:, campaign.pidx["lenin"]] = 0.29
    assert not campaign.active(s)[0, campaign.pidx["lenin"]]
    form = campaign.action("zinoviev", "form_bloc", "triumvirate")
    assert "cannot be formed yet" in campaign.why_illegal(s, 0, form)


def _month(g, date: str) -> int:
    return next(t for t in range(g.n_turns) if g.date(t) == date)


def test_the_refusal_speaks_the_players_language_not_the_scenario_grammar(campaign):
    """The refusal gives the scenario's words for the condition (``when_text``), never the
    expression a player cannot read (before: 'cannot be formed yet: lenin.health < 0.5')."""
    s = campaign.new_state([1])
    waiting = 0
    for bloc in campaign.scenario.blocs:
        if not bloc.when:
            continue
        form = campaign.action(bloc.open_to[0], "form_bloc", bloc.id)
        why = campaign.why_illegal(s, 0, form) or ""
        if "cannot be formed yet" in why:
            assert bloc.when_text in why and bloc.when not in why, why
            waiting += 1
    assert waiting >= 3                        # April 1922: the triumvirate and the later blocs
    propose = campaign.action("stalin", "propose", arg="socialism_in_one_country")
    assert campaign.why_illegal(s, 0, propose).endswith(
        "cannot be tabled now: from December 1924, until socialism in one country is the party's line.")


def test_every_condition_in_the_campaign_has_words_for_the_player(campaign):
    for item in (*campaign.scenario.blocs, *campaign.scenario.motions):
        assert not item.when or item.when_text, f"{item.id} has a 'when' but no 'when_text'"


def test_the_leningrad_opposition_waits_for_trotskys_defeat(campaign):
    s = campaign.new_state([1])
    form = campaign.action("zinoviev", "form_bloc", "leningrad_opposition")
    assert "cannot be formed yet" in campaign.why_illegal(s, 0, form)
    s.holder[:, campaign.kidx["war_commissar"]] = campaign.pidx["frunze"]
    assert campaign.why_illegal(s, 0, form) is None


def test_grain_by_persuasion_waits_for_force_or_a_procurement_crisis(campaign):
    s = campaign.new_state([1])
    propose = campaign.action("rykov", "propose", arg="grain_by_persuasion")
    assert "cannot be tabled now" in campaign.why_illegal(s, 0, propose)
    s.ind[:, IND["grain_procured"]] = 15.0                   # the state's purchases collapse
    assert campaign.why_illegal(s, 0, propose) is None
    s = campaign.new_state([1])
    q, force = _force(campaign)
    s.policy[:, q] = force
    assert campaign.why_illegal(s, 0, propose) is None


def _right_formed(g, seeds) -> dict:
    """How often the rivals formed the Right Opposition in games ``seeds``, and how often
    while grain was not being taken by force."""
    right = [b.id for b in g.scenario.blocs].index("right_opposition")
    q, force = _force(g)
    seen = {"formed": 0, "without_force": 0}
    before = [np.zeros(len(seeds), dtype=bool), np.zeros(len(seeds), dtype=bool)]

    def watch(s):
        # the policy may change within the turn (an event before the actions, a vote after)
        now, forced = s.bloc[:, right].any(axis=1), s.policy[:, q] == force
        new = now & ~before[0]
        seen["formed"] += int(new.sum())
        seen["without_force"] += int((new & ~forced & ~before[1]).sum())
        before[:] = [now, forced]

    play(g, np.asarray(seeds, dtype=np.uint64), on_turn=watch)
    return seen


def test_the_computer_rivals_form_the_right_only_against_forced_procurement(campaign):
    # from 1922 (where they once formed it within months) and from 1928, where they do form it
    assert _right_formed(campaign, range(40, 48))["without_force"] == 0
    late = _right_formed(Game(load_scenario("start_1928_right_opposition")), range(40, 48))
    assert late["formed"] > 0 and late["without_force"] == 0
