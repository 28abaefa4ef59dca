"""What the rivals see in a motion: the line, the role's aims, who gains by it."""
import dataclasses

import numpy as np

from game.ai import value_motions as vm
from game.ai.rivals import Rivals, Turn


def test_a_leader_gains_nothing_by_moving_from_one_wanted_option_to_another(campaign):
    """Trotsky wanting either a moderate or a high tempo of industry, with the high tempo in
    force, sees nothing to win in tabling the moderate one (he would otherwise switch the
    policy back and forth month after month); from the low tempo he sees the same gain in
    either."""
    g = campaign
    rivals = Rivals(g, "normal")
    q = g.qidx["investment"]
    n = int(np.flatnonzero(rivals.ch.lead == g.pidx["trotsky"])[0])
    want = rivals.ag.want_option.copy()
    want[n, q] = [0.0, 1.0, 1.0]                       # moderate or high: either will do
    rivals.ag = dataclasses.replace(rivals.ag, want_option=want)
    moderate = g.motion_ids.index("industrialisation")        # sets investment: moderate
    s = g.new_state([1, 2])
    s.policy[0, q], s.policy[1, q] = 2, 0               # game 0: high in force; game 1: low
    gain = vm._line_gain(Turn(rivals, s, np.zeros(g.P, dtype=bool)))
    base = vm._line_gain(Turn(Rivals(g, "normal"), s, np.zeros(g.P, dtype=bool)))
    # the aims' part of the gain: what this reading of the aims adds to the plain one
    from_high = gain[0, n, moderate] - base[0, n, moderate]
    from_low = gain[1, n, moderate] - base[1, n, moderate]
    assert from_high <= 1e-6 < from_low


def test_a_misled_decider_played_by_the_computer_keeps_to_what_history_did(campaign):
    """Trotsky acted on Stalin's wrong date for Lenin's funeral: the computer Trotsky stays
    away as he did, while a player in his seat (here the rivals' own judgement of the choices,
    which the scripted players use) sees that turning back serves him better."""
    g = campaign
    rivals = Rivals(g, "normal")
    e = g.eidx["lenin_funeral"]
    assert g.scenario.events[e].misled
    s = g.new_state(np.arange(1, 9))
    s.alive[:, g.pidx["lenin"]] = False
    everyone = np.ones(s.batch, dtype=bool)
    stay = [c.id for c in g.scenario.events[e].choices].index("stay_away")
    assert (rivals.choose(g, s, e, everyone) == stay).all()
    p = g.pidx["trotsky"]
    worth = [rivals.chooser.worth_after(g, s.copy(), e, c, p) for c in range(2)]
    assert (worth[1 - stay] > worth[stay]).all()


def test_the_comintern_chairman_leaves_a_new_line_a_year_before_his_views_reopen_it(campaign):
    """Zinoviev, chairing the Comintern, would decree the line his views favour (the decree and
    the motions reversing it took turns, four changes a game): eight months after the party
    adopted another line - past the six months a line stands by rule - he sees nothing in his
    views alone to reverse it by decree; two years on he does."""
    from game.ai import value_actions as va
    g = campaign
    rivals = Rivals(g, "normal")
    q = g.qidx["comintern"]
    n = int(np.flatnonzero(rivals.ch.lead == g.pidx["zinoviev"])[0])
    rivals.ag = dataclasses.replace(rivals.ag, want_option=np.zeros_like(rivals.ag.want_option))
    s = g.new_state([1, 2])
    s.turn = 40
    s.policy[:, q] = 2                                                  # caution in force...
    s.policy_turn[0, q] = 40 - 8 // g.turn_months                       # ...eight months ago
    s.policy_turn[1, q] = 40 - 24 // g.turn_months                      # ...two years ago
    s.ideology[:, g.pidx["zinoviev"], 2] = -1.0                         # world revolution first
    t = Turn(rivals, s, np.zeros(g.P, dtype=bool))
    t.board.reset()
    va.comintern(t)
    assert t.board.legal[:, n, t.menu["comintern"].sl].any(axis=1).all()   # open in both
    value = t.board.value[:, n, t.menu["comintern"].sl]
    assert value[0].max() <= va.ACT_MIN < value[1].max()


def test_a_leader_does_not_table_a_line_his_views_stand_against_whatever_it_would_bring_him(
        campaign):
    """Stalin wanted industry at a high tempo by 1928, and the Opposition's Platform would set
    it; he took up the Left's pace by his own Plan, never its Platform (003: "Stalin was later
    forced to adopt in a caricature form many of the policies of the Left Opposition"). The
    Platform is worth tabling to Trotsky, whose line it is."""
    g = campaign
    rivals = Rivals(g, "normal")
    platform = g.motion_ids.index("opposition_platform")
    q = g.qidx["investment"]
    n = {p: int(np.flatnonzero(rivals.ch.lead == g.pidx[p])[0]) for p in ("stalin", "trotsky")}
    want = rivals.ag.want_option.copy()
    want[n["stalin"], q] = [0.0, 0.0, 1.0]                   # a high tempo, and nothing less
    rivals.ag = dataclasses.replace(rivals.ag, want_option=want)
    s = g.new_state([1, 2])
    s.turn = next(t for t in range(g.n_turns) if g.date(t) == "1928-09")
    s.policy[:, q] = 0                                       # the tempo low
    gain = vm._line_gain(Turn(rivals, s, np.zeros(g.P, dtype=bool)))
    assert (gain[:, n["stalin"], platform] <= 0).all()
    assert (gain[:, n["trotsky"], platform] > 0).all()
