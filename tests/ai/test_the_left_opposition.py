"""The Left Opposition of 1923 is a faction round one man: Trotsky founds it alone - his
following (Preobrazhensky, Radek) rallies to it through an event - once Lenin has fallen
silent and the triumvirate moves against him, when the party's cells are restless enough to
hear it (003: "Trotsky, who had been urged by Lenin to take up the struggle against
bureaucratism, formed the Left Opposition"; 004: the letter of October 8 and, "within days",
the statement of the 46). Before, the computer Trotsky never formed it: the rivals founded a
bloc only with a leader to share it.

Lenin's bloc with Trotsky is a proposal made from his sickbed, not an open faction (001:
"propose to Trotsky that they should form a Joint Bloc for Democracy"): it is secret."""
import numpy as np

from game.ai.play import play
from game.ai.rivals import Rivals
from game.engine import votes
from game.engine.actions import KIND
from game.engine.state import IND

SEEDS = np.arange(1, 13)
TRIUMVIRS = ("stalin", "zinoviev", "kamenev")


def _autumn_1923(g, triumvirate=True, strikes=52.0, lenin=0.2):
    """Games in October 1923: Lenin silent, the triumvirate formed, the strike wave."""
    s = g.new_state(SEEDS)
    s.turn = next(t for t in range(g.n_turns) if g.date(t) == "1923-10")
    s.health[:, g.pidx["lenin"]] = lenin
    if triumvirate:
        s.bloc[:, g.lidx["triumvirate"], [g.pidx[p] for p in TRIUMVIRS]] = True
    s.ind[:, IND["strikes"]] = strikes
    return s


def _does(g, rows, who: str, kind: str, bloc: str) -> np.ndarray:
    """[B] ``who`` takes the bloc action ``kind`` on ``bloc`` this month."""
    return ((rows[:, :, 0] == KIND[kind]) & (rows[:, :, 1] == g.pidx[who])
            & (rows[:, :, 2] == g.lidx[bloc])).any(axis=1)


def test_trotsky_founds_the_left_opposition_alone_once_the_triumvirate_moves_against_him(
        campaign):
    g = campaign
    rows = Rivals(g, "normal").moves(_autumn_1923(g))
    assert _does(g, rows, "trotsky", "form_bloc", "left_opposition").mean() >= 0.75


def test_not_against_a_man_alone(campaign):
    """Without the triumvirate his enemy leads no coalition: no faction is founded."""
    g = campaign
    rows = Rivals(g, "normal").moves(_autumn_1923(g, triumvirate=False))
    assert not _does(g, rows, "trotsky", "form_bloc", "left_opposition").any()


def test_not_in_a_quiet_party(campaign):
    """With the cells quiet (the strikes of 1922) the faction would only bleed under the ban."""
    g = campaign
    rows = Rivals(g, "normal").moves(_autumn_1923(g, strikes=30.0))
    assert not _does(g, rows, "trotsky", "form_bloc", "left_opposition").any()


def _in_lenins_bloc(g, lenin: float):
    s = _autumn_1923(g, lenin=lenin)
    s.bloc[:, g.lidx["democracy_bloc"], [g.pidx["lenin"], g.pidx["trotsky"]]] = True
    return s


def test_trotsky_keeps_to_lenins_bloc_while_lenin_can_act(campaign):
    g = campaign
    rows = Rivals(g, "normal").moves(_in_lenins_bloc(g, lenin=0.8))
    assert not _does(g, rows, "trotsky", "form_bloc", "left_opposition").any()
    assert _does(g, rows, "trotsky", "leave_bloc", "democracy_bloc").mean() <= 0.25


def test_and_leaves_it_once_lenin_has_fallen_silent(campaign):
    g = campaign
    rows = Rivals(g, "normal").moves(_in_lenins_bloc(g, lenin=0.2))
    assert _does(g, rows, "trotsky", "leave_bloc", "democracy_bloc").all()


def test_lenin_does_not_move_as_a_member_of_a_banned_faction(campaign):
    """Lenin's bloc is secret: no faction under the ban until the secret police find it out."""
    g = campaign
    s = _in_lenins_bloc(g, lenin=0.8)
    lenin = g.pidx["lenin"]
    assert not votes.derive(g, s).faction[:, lenin].any()
    s.exposed[:, g.lidx["democracy_bloc"]] = True
    assert votes.derive(g, s).faction[:, lenin].all()


def test_trotsky_leaves_the_left_opposition_for_the_united_one_and_his_men_follow(campaign):
    """In 1926 he joins forces with Zinoviev and Kamenev (002): the Left Opposition merges
    into the United Opposition, never sitting beside it, and its men go with him."""
    g = campaign
    lo, uo, tr = g.lidx["left_opposition"], g.lidx["united_opposition"], g.pidx["trotsky"]
    men = [g.pidx["preobrazhensky"], g.pidx["radek"]]
    seeds = np.arange(13, 25)
    founded, moved, both, followed = (np.zeros(len(seeds), dtype=bool) for _ in range(4))

    def watch(s):
        founded[:] |= s.bloc[:, lo, tr]
        moved[:] |= founded & s.bloc[:, uo, tr]
        both[:] |= s.bloc[:, lo, tr] & s.bloc[:, uo, tr]
        followed[:] |= s.bloc[:, uo][:, men].all(axis=1)

    play(g, seeds.astype(np.uint64), on_turn=watch)
    assert founded.sum() >= 6                    # measured: 10 games of 12
    assert moved.sum() >= founded.sum() / 2      # 6 of them
    assert not both.any()
    assert (followed >= moved).all()
