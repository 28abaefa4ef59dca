"""The lines of the NEP and the grain come when their causes do (scenarios/campaign.yaml,
each motion's ``when``), and a computer leader does not give up his own line for the villages'
sake (game.ai.value_motions._line_gain).

The texts and general history date them: the NEP of 1921 simply stood until the concessions
of April 1925, after the scissors crisis had been met; the Left asked to restrict it once the
kulaks and NEPmen had grown (004: "These layers were becoming more confident"); the step back
from the extraordinary measures of January 1928 was persuasion (002: "persuasion instead of
force"), not the market; collectivisation answered force that had not brought the grain in.
"""
import numpy as np

from game.ai import value_motions
from game.ai.rivals import Rivals
from game.engine.calendar import month_index
from game.engine.state import IND


def _at(g, date: str):
    s = g.new_state([1])
    s.turn = (month_index(date) - g.start) // g.turn_months
    return s


def _set(g, s, policy: str, option: str) -> None:
    q = g.qidx[policy]
    s.policy[:, q] = [o.id for o in g.scenario.policies[q].options].index(option)


def _scissors(s, ratio: float) -> None:
    s.ind[:, IND["industrial_prices"]] = 100.0 * ratio
    s.ind[:, IND["agricultural_prices"]] = 100.0


def _may(g, s, who: str, motion: str) -> bool:
    return g.why_illegal(s, 0, g.action(who, "propose", arg=motion)) is None


def test_the_nep_is_not_extended_before_the_scissors_close(campaign):
    g = campaign
    assert not _may(g, _at(g, "1922-04"), "tomsky", "extend_nep")      # the NEP of 1921 stands
    s = _at(g, "1924-10")
    _scissors(s, 1.7)
    assert not _may(g, s, "tomsky", "extend_nep")       # the trusts still raise their prices
    _set(g, s, "prices", "cut")
    _scissors(s, 2.1)
    assert not _may(g, s, "tomsky", "extend_nep")       # the cuts have not closed them yet
    _scissors(s, 1.7)
    assert _may(g, s, "tomsky", "extend_nep")
    s.flags[:, g.fidx["collectivisation_started"]] = True
    assert not _may(g, s, "tomsky", "extend_nep")       # no concessions once collectivised


def test_the_nep_is_restricted_only_once_the_kulaks_or_nepmen_have_grown(campaign):
    g = campaign
    s = _at(g, "1925-12")
    assert not _may(g, s, "zinoviev", "restrict_nep")
    s.ind[:, IND["kulaks"]] = 26.0
    assert _may(g, s, "zinoviev", "restrict_nep")


def test_the_step_back_from_force_is_persuasion_not_the_market(campaign):
    g = campaign
    s = _at(g, "1928-07")
    _set(g, s, "procurement", "force")
    assert not _may(g, s, "tomsky", "free_grain_market")
    _set(g, s, "procurement", "persuasion")
    assert _may(g, s, "tomsky", "free_grain_market")


def test_collectivisation_waits_for_force_that_has_not_brought_the_grain_in(campaign):
    g = campaign
    s = _at(g, "1929-06")
    _set(g, s, "procurement", "force")
    s.ind[:, IND["grain_marketed"]] = 55.0
    assert not _may(g, s, "stalin", "collectivisation")
    s.ind[:, IND["grain_marketed"]] = 40.0
    assert _may(g, s, "stalin", "collectivisation")


def test_stalin_does_not_table_the_retreat_from_his_own_extraordinary_measures(campaign):
    """Six months after the grain crisis, the villages angry (mood 38): the Right finds
    persuasion worth moving for the villages' sake, Stalin - whose line force is - does not.
    Before, he tabled the return to the market himself, in most computer campaigns."""
    g = campaign
    s = _at(g, "1928-07")
    _set(g, s, "procurement", "force")
    s.policy_turn[:, g.qidx["procurement"]] = s.turn - 6
    s.ind[:, IND["peasant_mood"]] = 38.0
    t = Rivals(g, "normal", warm_up=False).evaluate(s)
    gain = value_motions._line_gain(t)[0]                                        # [N,M]
    row = {g.person_ids[p]: n for n, p in enumerate(t.ctx.lead)}
    m = g.motion_ids.index("grain_by_persuasion")
    assert gain[row["bukharin"], m] > value_motions.ACT_MIN
    assert gain[row["stalin"], m] <= 0.0
    assert np.isfinite(gain).all()


def _stalin_and_bukharin(g, t):
    row = {g.person_ids[p]: n for n, p in enumerate(t.ctx.lead)}
    return row["stalin"], row["bukharin"]


def test_stalin_takes_the_great_turn_in_the_villages_as_his_aim_from_june_1929(campaign):
    """The great turn is Stalin's aim from the summer of 1929 (the role's win aims): with grain
    taken by force and the villages sullen but not at breaking point, he finds wholesale
    collectivisation worth moving and Bukharin does not; before June 1929, and once the land is
    being collectivised, the aim asks nothing. Before, no role wanted it and the computer Stalin
    never moved it (0 of 300 campaigns)."""
    g = campaign
    m = g.motion_ids.index("collectivisation")
    s = _at(g, "1929-06")
    _set(g, s, "procurement", "force")
    s.ind[:, IND["grain_marketed"]] = 40.0
    s.ind[:, IND["peasant_mood"]] = 35.0
    r = Rivals(g, "normal", warm_up=False)
    t = r.evaluate(s)
    stalin, bukharin = _stalin_and_bukharin(g, t)
    assert t.serves_flag[0, stalin, m] and not t.serves_flag[0, bukharin, m]
    gain = value_motions._line_gain(t)[0]
    assert gain[stalin, m] > value_motions.ACT_MIN >= gain[bukharin, m]
    early = _at(g, "1929-05")
    _set(g, early, "procurement", "force")
    assert not r.evaluate(early).serves_flag[0, stalin, m]
    s.flags[:, g.fidx["collectivisation_started"]] = True
    assert not r.evaluate(s).serves_flag[0, stalin, m]


def test_the_ban_on_factions_is_an_aim_read_like_any_other_flag(campaign):
    """Trotsky's aim 'not faction_ban' makes the motion lifting the ban serve him while the ban
    stands, and nothing once it is lifted."""
    g = campaign
    m = g.motion_ids.index("lift_faction_ban")
    s = _at(g, "1924-01")
    r = Rivals(g, "normal", warm_up=False)
    t = r.evaluate(s)
    trotsky = {g.person_ids[p]: n for n, p in enumerate(t.ctx.lead)}["trotsky"]
    assert t.serves_flag[0, trotsky, m]
    s.flags[:, g.fidx["faction_ban"]] = False
    assert not r.evaluate(s).serves_flag[0, trotsky, m]


def test_the_right_deviation_is_condemned_only_once_stalin_and_bukharin_clash(campaign):
    """001: "1928 Jul: Stalin and Bukharin clash over collectivisation" - the verdict waits for
    the clash; before, the computer Stalin had it adopted in January-February 1928."""
    g = campaign
    assert not _may(g, _at(g, "1928-06"), "stalin", "against_right_deviation")
    assert _may(g, _at(g, "1928-07"), "stalin", "against_right_deviation")


def test_persuasion_does_not_undo_the_great_turn(campaign):
    """Once the land is being collectivised the collective farms deliver by quota: the step
    back came only in March 1930, after the game (general history)."""
    g = campaign
    s = _at(g, "1929-08")
    _set(g, s, "procurement", "force")
    assert _may(g, s, "rykov", "grain_by_persuasion")
    s.flags[:, g.fidx["collectivisation_started"]] = True
    assert not _may(g, s, "rykov", "grain_by_persuasion")
