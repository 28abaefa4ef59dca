"""A bloc moves together, against a man outside it.

Its men move against a common enemy at the pace of the most patient of them: a motion moved
with the bloc's votes waits until the partners are ready to give them (the triumvirs took
Trotsky's War Commissariat in January 1925, 003, at Stalin's pace, not at Zinoviev's, who
wanted him expelled, even arrested: general history). And a bloc is the coalition of the men
it is open to: none of them forms or joins it against one of its own (the Stalin-Bukharin
majority is not Bukharin's bloc against Stalin; the Right Opposition is)."""
import numpy as np

from game.ai import value_motions as vm
from game.ai.rivals import Rivals, Turn
from game.engine.actions import KIND

SEEDS = np.arange(1, 13)
HOSTILE = [KIND[k] for k in ("condemn", "remove_from_post", "expel", "demote")]
TRIUMVIRS = ("stalin", "zinoviev", "kamenev")


def _in(g, date: str):
    """Games of the campaign at ``date``, Lenin past his strokes (the triumvirate's cause),
    Trotsky's views condemned two months before: his posts are open to a motion once a verdict
    has stood (game.ai.value_motions._posts_forfeit), and what is left is the rivals' pace."""
    s = g.new_state(SEEDS)
    s.turn = next(t for t in range(g.n_turns) if g.date(t) == date)
    s.health[:, g.pidx["lenin"]] = 0.2
    s.condemned_turn[:, g.pidx["trotsky"]] = s.turn - 2
    return s


def _against(g, rows, movers, target: str) -> np.ndarray:
    """[B] someone of ``movers`` moves against ``target`` this month."""
    who = np.isin(rows[:, :, 1], [g.pidx[p] for p in movers])
    return (who & np.isin(rows[:, :, 0], HOSTILE) & (rows[:, :, 2] == g.pidx[target])).any(axis=1)


def _triumvirate(g, s):
    s.bloc[:, g.lidx["triumvirate"], [g.pidx[p] for p in TRIUMVIRS]] = True
    return s


def test_a_triumvir_does_not_move_against_trotsky_before_the_most_patient_triumvir_is_ready(
        campaign):
    # September 1923: Zinoviev's patience has run out, Stalin's has not
    g = campaign
    alone = Rivals(g, "normal").moves(_in(g, "1923-09"))
    assert _against(g, alone, ["zinoviev"], "trotsky").mean() >= 0.5    # every game of 12
    allied = Rivals(g, "normal").moves(_triumvirate(g, _in(g, "1923-09")))
    assert not _against(g, allied, TRIUMVIRS, "trotsky").any()


def test_the_triumvirs_move_against_trotsky_once_the_most_patient_is_ready(campaign):
    # a pace, not a veto: Stalin's patience runs out in the summer of 1924, and the triumvirs
    # move at the next Conference (a verdict is given at a Congress or a Conference:
    # game.ai.value_motions._verdict_due)
    g = campaign
    rows = Rivals(g, "normal").moves(_triumvirate(g, _in(g, "1925-04")))
    assert _against(g, rows, TRIUMVIRS, "trotsky").mean() >= 0.5        # 10 games of 12


def _right_fears_stalin(g, force: bool):
    """1926: Trotsky out of the army, the Left broken, Stalin far ahead of everyone."""
    s = _in(g, "1926-06")
    s.alive[:, g.pidx["lenin"]] = False
    s.holder[:, g.kidx["war_commissar"]] = g.pidx["frunze"]
    s.prestige[:, g.pidx["stalin"]], s.cc_seats[:, g.pidx["stalin"]] = 90.0, 25.0
    for p in ("trotsky", "zinoviev", "kamenev"):
        s.prestige[:, g.pidx[p]], s.cc_seats[:, g.pidx[p]] = 5.0, 0.0
    if force:                        # the grain taken by force, and the clash over it
        q = g.qidx["procurement"]
        s.policy[:, q] = [o.id for o in g.scenario.policies[q].options].index("force")
        s.fired[:, g.eidx["july_plenum_1928"]] = True
    return s


def _takes(g, rows, bloc: str) -> np.ndarray:
    """[B] one of Bukharin, Rykov and Tomsky forms or joins ``bloc`` this month."""
    right = np.isin(rows[:, :, 1], [g.pidx[p] for p in ("bukharin", "rykov", "tomsky")])
    moves = np.isin(rows[:, :, 0], [KIND["form_bloc"], KIND["join_bloc"]])
    return (right & moves & (rows[:, :, 2] == g.lidx[bloc])).any(axis=1)


def test_the_right_does_not_make_the_stalin_bukharin_majority_its_bloc_against_stalin(campaign):
    g = campaign
    rows = Rivals(g, "normal").moves(_right_fears_stalin(g, force=False))
    assert not _takes(g, rows, "stalin_bukharin").any()
    # ...it waits for the Right Opposition, a bloc against him (open once grain is taken by
    # force and Bukharin has fought it at the July plenum), and takes that
    rows = Rivals(g, "normal").moves(_right_fears_stalin(g, force=True))
    assert _takes(g, rows, "right_opposition").all()
    assert not _takes(g, rows, "stalin_bukharin").any()


def _majority(g, s):
    """Stalin governs with Bukharin, Rykov and Tomsky (the Stalin-Bukharin majority)."""
    s.bloc[:, g.lidx["stalin_bukharin"], [g.pidx[p] for p in ("stalin", "bukharin", "rykov",
                                                              "tomsky")]] = True
    return s


def test_nobody_moves_against_a_man_who_sits_in_his_bloc(campaign):
    # 1928: Stalin's patience has long run out; his appetite for a motion against Bukharin,
    # Rykov or Tomsky is whole while they stand outside his bloc, nothing while they sit with
    # him in the majority - he turns on them by leaving it (001: "Later, in 1928, having
    # defeated the Left, Stalin turned on Bukharin")
    g = campaign
    r = Rivals(g, "normal")
    n = list(r.ch.lead).index(g.pidx["stalin"])
    right = [list(r.ch.lead).index(g.pidx[p]) for p in ("bukharin", "rykov", "tomsky")]
    for allied, want in ((False, True), (True, False)):
        s = _right_fears_stalin(g, force=False)
        s.turn = next(t for t in range(g.n_turns) if g.date(t) == "1928-06")
        s = _majority(g, s) if allied else s
        ramp = vm._ramp(Turn(r, s, np.zeros(g.P, dtype=bool)), "remove", r.ch.lead)
        assert ((ramp[:, n, right] > 0) == want).all()
