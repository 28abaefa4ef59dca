"""A campaign against a man is fought in words first.

The majority condemned a man's views before it took his posts, and gave him time to submit:
Trotsky, condemned at the Thirteenth Conference (January 1924, 001), lost the War Commissariat a
year later; the 'Right deviation' was condemned in November 1928 and Bukharin lost Pravda in
April 1929 (001: "1929 Apr: Bukharin removed as editor of *Pravda*"), Tomsky the unions in June
(general history). A man who has recanted keeps what he holds."""
import numpy as np

from game.ai import value_motions
from game.ai.rivals import Rivals

SEEDS = np.arange(1, 13)
RIGHT = ("bukharin", "rykov", "tomsky")


def _the_right_against_force(g):
    """1928-09: the grain is taken by force, the Right sits in its bloc against it, Stalin far
    ahead of it; Bukharin still edits Pravda and Tomsky leads the unions."""
    s = g.new_state(SEEDS)
    s.turn = next(t for t in range(g.n_turns) if g.date(t) == "1928-09")
    s.alive[:, g.pidx["lenin"]] = False
    for p in ("trotsky", "zinoviev", "kamenev"):
        s.expelled[:, g.pidx[p]] = True
    q = g.qidx["procurement"]
    s.policy[:, q] = [o.id for o in g.scenario.policies[q].options].index("force")
    ro = g.lidx["right_opposition"]
    for p in RIGHT:
        s.bloc[:, :, g.pidx[p]] = False
        s.bloc[:, ro, g.pidx[p]] = True
        s.prestige[:, g.pidx[p]] = 30.0
    s.holder[:, g.kidx["pravda_editor"]] = g.pidx["bukharin"]
    s.holder[:, g.kidx["trade_unions"]] = g.pidx["tomsky"]
    s.prestige[:, g.pidx["stalin"]], s.cc_seats[:, g.pidx["stalin"]] = 90.0, 25.0
    return s


def _condemned(g, s, months_ago):
    for p in RIGHT:
        s.condemned_turn[:, g.pidx[p]] = s.turn - months_ago
    return s


def _forfeit(g, s, level="normal", skip=()) -> np.ndarray:
    """[B,2] Stalin may move to take Pravda from Bukharin, the unions from Tomsky."""
    t = Rivals(g, level).evaluate(s, skip)
    holder = s.holder.astype(np.int64)[:, None, :]
    stalin = list(t.ctx.lead).index(g.pidx["stalin"])
    defied = value_motions._verdict_defied(t, holder)
    return value_motions._posts_forfeit(t, holder, defied)[:, stalin, [g.kidx["pravda_editor"],
                                                                       g.kidx["trade_unions"]]]


def test_the_right_keeps_its_posts_for_opposing_forced_procurement_before_a_verdict(campaign):
    g = campaign
    s = _the_right_against_force(g)
    assert not _forfeit(g, s).any()


def test_nor_in_the_month_of_the_verdict_before_it_has_had_time_to_submit(campaign):
    g = campaign
    s = _condemned(g, _the_right_against_force(g), months_ago=0)
    assert not _forfeit(g, s).any()


def test_a_condemned_man_who_persists_forfeits_his_posts(campaign):
    g = campaign
    s = _condemned(g, _the_right_against_force(g), months_ago=2)
    assert _forfeit(g, s).all()


def test_a_man_who_has_recanted_keeps_his_posts(campaign):
    g = campaign
    s = _condemned(g, _the_right_against_force(g), months_ago=7)
    for p in RIGHT:
        s.bloc[:, :, g.pidx[p]] = False
        s.recanted_turn[:, g.pidx[p]] = s.turn - 1
    assert not _forfeit(g, s).any()


def test_hard_rivals_need_no_verdict_to_take_the_human_players_posts(campaign):
    """The hard level's rivals close ranks against the player (game.ai.difficulty: pretext)."""
    g = campaign
    s = _the_right_against_force(g)
    pravda, unions = _forfeit(g, s, "hard", skip=(g.pidx["bukharin"],)).T
    assert pravda.all() and not unions.any()
    assert not _forfeit(g, s, "normal", skip=(g.pidx["bukharin"],)).any()


def test_a_resolution_against_trotskyism_is_a_verdict_on_trotskys_views(campaign):
    """The campaign against 'Trotskyism' (autumn 1924) condemned the man's views: his posts
    may be taken once he persists (003: removed from the War Commissariat in January 1925)."""
    g = campaign
    m = [m.id for m in g.scenario.motions].index("condemn_trotskyism")
    assert "condemn(trotsky)" in g.scenario.motions[m].effects


def test_the_rivals_condemn_a_mans_views_at_a_congress_or_conference_not_any_month(campaign):
    """The Thirteenth Conference condemned Trotsky (001), the Sixteenth Conference, with the
    plenum before it, the Bukharin group (April 1929, general history)."""
    g = campaign
    s = _the_right_against_force(g)
    for date, due in (("1928-09", False), ("1929-04", True)):
        s.turn = next(t for t in range(g.n_turns) if g.date(t) == date)
        t = Rivals(g, "normal").evaluate(s)
        assert np.all(value_motions._verdict_due(t, t.ctx.lead) == due), date


def _stalin_would_move_to_take(g, s) -> np.ndarray:
    """[B,2] Stalin's motions to take Pravda from Bukharin and the unions from Tomsky are worth
    his considering this turn."""
    from game.ai.rivals import Turn
    t = Turn(Rivals(g, "normal"), s, np.zeros(g.P, dtype=bool))
    t.board.reset()
    value_motions.remove(t)
    stalin = list(t.ctx.lead).index(g.pidx["stalin"])
    value = t.board.value[:, stalin, t.menu["remove"].sl]
    return value[:, [g.kidx["pravda_editor"], g.kidx["trade_unions"]]] > -1e8


def test_the_verdict_is_carried_out_against_a_man_who_defies_it_however_weak_he_has_become(
        campaign):
    """The Bukharin group, condemned in April 1929, lost Pravda and the unions that spring
    though Stalin no longer had to fear them (001: "by 1929, he had politically defeated and
    neutralised all his main rivals"): a verdict the man defies is reason enough."""
    g = campaign
    s = _the_right_against_force(g)
    for p in RIGHT:                                 # the Right spent, Stalin's men in the Politburo
        s.prestige[:, g.pidx[p]] = 5.0
    for p in ("molotov", "voroshilov", "kalinin", "kuibyshev", "rudzutak"):
        s.member[:, g.pidx[p], 0] = True
    assert not _stalin_would_move_to_take(g, s).any()          # no verdict yet: let be
    s = _condemned(g, s, months_ago=2)
    assert _stalin_would_move_to_take(g, s).all()


def _thirteenth_conference(g, trotskys_bloc: bool):
    """January 1924: Lenin dead, the triumvirs in their bloc and in command, the ban on
    factions in force; Trotsky at the head of the Left Opposition, or in no bloc."""
    s = g.new_state(SEEDS)
    s.turn = next(t for t in range(g.n_turns) if g.date(t) == "1924-01")
    s.alive[:, g.pidx["lenin"]] = False
    s.bloc[:] = False
    for p in ("stalin", "zinoviev", "kamenev"):
        s.bloc[:, g.lidx["triumvirate"], g.pidx[p]] = True
    if trotskys_bloc:
        for p in ("trotsky", "preobrazhensky", "radek"):
            s.bloc[:, g.lidx["left_opposition"], g.pidx[p]] = True
    s.flags[:, g.fidx["faction_ban"]] = True
    s.cc_seats[:, g.pidx["stalin"]] = 25.0             # the Lenin enrolment's secretaries
    return s


def _stalin_would_condemn_trotsky(g, s) -> np.ndarray:
    from game.ai.rivals import Turn
    t = Turn(Rivals(g, "normal"), s, np.zeros(g.P, dtype=bool))
    assert t.ctx.majority[:, g.lidx["triumvirate"]].all()
    t.board.reset()
    value_motions.against_leaders(t)
    stalin = list(t.ctx.lead).index(g.pidx["stalin"])
    trotsky = list(t.ctx.lead).index(g.pidx["trotsky"])
    return t.board.value[:, stalin, t.menu["condemn"].sl][:, trotsky] > -1e8


def test_an_open_faction_under_the_ban_is_condemned_at_the_next_sitting_whatever_the_majoritys_patience(
        campaign):
    """The Thirteenth Conference condemned Trotsky and the 46 (001: "13th Party Conference
    condemns Trotsky's views"), a year before the triumvirs, at Stalin's pace, took his
    army: a faction formed against the ban was a breach in itself. Before, the majority waited
    for Stalin's patience, and the Conference condemned Trotsky in one game in seven."""
    g = campaign
    assert _stalin_would_condemn_trotsky(g, _thirteenth_conference(g, True)).all()
    assert not _stalin_would_condemn_trotsky(g, _thirteenth_conference(g, False)).any()
